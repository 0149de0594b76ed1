package org.openprofiles.domain.access;

import java.util.UUID;

/** Identifies a directory group (its objectGUID). */
public record GroupId(UUID value) {

    public GroupId {
        if (value == null) {
            throw new IllegalArgumentException("group id must not be null");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
