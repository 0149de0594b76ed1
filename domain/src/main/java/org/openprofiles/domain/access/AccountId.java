package org.openprofiles.domain.access;

import java.util.UUID;

/** Identifies a directory account (its objectGUID). */
public record AccountId(UUID value) {

    public AccountId {
        if (value == null) {
            throw new IllegalArgumentException("account id must not be null");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
