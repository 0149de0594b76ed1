package org.openprofiles.domain.access;

import java.util.Optional;

/** Which accounts the compliance report covers: those with one profile, and/or only the non-compliant ones. */
public record ComplianceQuery(Optional<AccessProfileId> profile, boolean nonCompliantOnly) {

    public ComplianceQuery {
        if (profile == null) {
            throw new IllegalArgumentException("profile must not be null (use Optional.empty())");
        }
    }
}
