package org.openprofiles.domain.certificate.pki;

import java.time.Instant;

/** A revocation: which certificate (issuer and serial), since when, and why. One entry of a CRL. */
public record RevokedCertificate(IssuerId issuer, SerialNumber serial, Instant revokedAt, RevocationReason reason) {

    public RevokedCertificate {
        if (issuer == null || serial == null || revokedAt == null || reason == null) {
            throw new IllegalArgumentException("a revocation needs issuer, serial, time and reason");
        }
    }
}
