package org.openprofiles.domain.access;

import java.time.Instant;

/**
 * An account that has a profile assigned, with the comment given when it was assigned and
 * whether the account currently deviates from what this profile requires.
 */
public record ProfileAssignment(
        AccessProfileId profileId, AccountSummary account, String comment, Instant assignedAt, boolean nonCompliant) {

    public ProfileAssignment {
        if (profileId == null || account == null || assignedAt == null) {
            throw new IllegalArgumentException("incomplete assignment");
        }
        comment = comment == null ? "" : comment;
    }
}
