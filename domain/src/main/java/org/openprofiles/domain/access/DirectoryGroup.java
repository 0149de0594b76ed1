package org.openprofiles.domain.access;

import java.time.Instant;
import java.util.Optional;

/**
 * A stored directory group as the read-back list shows it: the group, and since when it is
 * missing from the directory when a sync or a feed removed it while profiles still require it.
 */
public record DirectoryGroup(Group group, Optional<Instant> missingSince) {

    public DirectoryGroup {
        if (group == null || missingSince == null) {
            throw new IllegalArgumentException("group and missingSince must not be null");
        }
    }
}
