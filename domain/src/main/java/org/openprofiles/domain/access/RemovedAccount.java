package org.openprofiles.domain.access;

import java.util.List;

/** An account taken out of the directory, and the profiles whose assignments to it ended with it. */
public record RemovedAccount(AccountSummary account, List<AccessProfileId> endedAssignments) {

    public RemovedAccount {
        if (account == null) {
            throw new IllegalArgumentException("account must not be null");
        }
        endedAssignments = List.copyOf(endedAssignments);
    }
}
