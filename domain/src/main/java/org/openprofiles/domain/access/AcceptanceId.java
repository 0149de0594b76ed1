package org.openprofiles.domain.access;

import java.util.UUID;

/** Identifies the acceptance of a deviation. */
public record AcceptanceId(UUID value) {

    public AcceptanceId {
        if (value == null) {
            throw new IllegalArgumentException("acceptance id must not be null");
        }
    }

    public static AcceptanceId random() {
        return new AcceptanceId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
