package org.openprofiles.domain.access;

import java.util.UUID;

/** Identifies an access (department) profile. */
public record ProfileId(UUID value) {

    public ProfileId {
        if (value == null) {
            throw new IllegalArgumentException("profile id must not be null");
        }
    }

    public static ProfileId random() {
        return new ProfileId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
