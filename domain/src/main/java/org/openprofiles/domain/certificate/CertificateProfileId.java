package org.openprofiles.domain.certificate;

import java.util.UUID;

/** A certificate profile's identity: the {@code Uuid} of the vendor's Profile object. */
public record CertificateProfileId(UUID value) {

    public CertificateProfileId {
        if (value == null) {
            throw new IllegalArgumentException("profile id must not be null");
        }
    }

    public static CertificateProfileId random() {
        return new CertificateProfileId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
