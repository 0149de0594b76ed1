package org.openprofiles.domain.security;

import java.util.UUID;

/** Identifies an API token (not the secret: that is shown once and then only its hash is kept). */
public record TokenId(UUID value) {

    public TokenId {
        if (value == null) {
            throw new IllegalArgumentException("token id must not be null");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
