package org.openprofiles.domain.access;

import java.util.UUID;

/** Identifies an access (department) profile. */
public record AccessProfileId(UUID value) {

    public AccessProfileId {
        if (value == null) {
            throw new IllegalArgumentException("profile id must not be null");
        }
    }

    public static AccessProfileId random() {
        return new AccessProfileId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
