package org.openprofiles.domain.certificate;

import java.util.UUID;

/** A certificate profile's identity: the {@code Uuid} of the vendor's Profile object. */
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
