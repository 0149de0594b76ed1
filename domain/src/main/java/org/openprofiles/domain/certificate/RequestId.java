package org.openprofiles.domain.certificate;

import java.util.UUID;

/** A certificate request's identity: the {@code Uuid} of the vendor's Request object. */
public record RequestId(UUID value) {

    public RequestId {
        if (value == null) {
            throw new IllegalArgumentException("request id must not be null");
        }
    }

    public static RequestId random() {
        return new RequestId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
