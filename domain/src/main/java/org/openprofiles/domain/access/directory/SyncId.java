package org.openprofiles.domain.access.directory;

import java.util.UUID;

/** Identifies one directory sync. */
public record SyncId(UUID value) {

    public SyncId {
        if (value == null) {
            throw new IllegalArgumentException("sync id must not be null");
        }
    }

    public static SyncId random() {
        return new SyncId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
