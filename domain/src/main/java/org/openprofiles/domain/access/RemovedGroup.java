package org.openprofiles.domain.access;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A group gone from the directory. When no profile requires it, it is deleted with its
 * memberships; when profiles still do ({@code requiredBy} not empty) it is kept, marked missing
 * and emptied of members, so that their accounts show it as a missing group until the profiles
 * change. {@code missingBefore} tells whether it had been marked missing already (by an earlier
 * removal), and since when.
 */
public record RemovedGroup(Group group, List<AccessProfileId> requiredBy, Optional<Instant> missingBefore) {

    public RemovedGroup {
        if (group == null || missingBefore == null) {
            throw new IllegalArgumentException("group and missingBefore must not be null");
        }
        requiredBy = List.copyOf(requiredBy);
    }

    /** Whether the group was kept (marked missing) because profiles still require it. */
    public boolean kept() {
        return !requiredBy.isEmpty();
    }

    /** Whether this removal changed anything: the group was deleted, or it was not marked missing yet. */
    public boolean newlyGone() {
        return !kept() || missingBefore.isEmpty();
    }
}
