package org.openprofiles.domain.certificate.pki;

import java.time.Instant;

/** What the service knows about one certificate when an OCSP client asks (RFC 6960 2.2). */
public sealed interface CertificateStatus {

    /** Issued here and not revoked. */
    record Good() implements CertificateStatus {}

    /** Issued here and revoked. */
    record Revoked(Instant revokedAt, RevocationReason reason) implements CertificateStatus {
        public Revoked {
            if (revokedAt == null || reason == null) {
                throw new IllegalArgumentException("a revoked status needs its time and reason");
            }
        }
    }

    /** Not a certificate this service issued (or knows of). */
    record Unknown() implements CertificateStatus {}

    static CertificateStatus good() {
        return new Good();
    }

    static CertificateStatus unknown() {
        return new Unknown();
    }

    static CertificateStatus revoked(Instant revokedAt, RevocationReason reason) {
        return new Revoked(revokedAt, reason);
    }
}
