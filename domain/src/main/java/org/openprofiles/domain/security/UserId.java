package org.openprofiles.domain.security;

import java.util.UUID;

/** A user's identity; for certificate profiles this is the {@code AssignedUserUuid}. */
public record UserId(UUID value) {

    public UserId {
        if (value == null) {
            throw new IllegalArgumentException("user id must not be null");
        }
    }

    public static UserId random() {
        return new UserId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
