package org.openprofiles.domain.certificate.pki;

import java.time.Instant;

/** The certificate of one CA of this service: the root or an issuing CA (the current or an earlier one). */
public record CaCertificate(IssuerId id, Role role, String subject, Instant notBefore, Instant notAfter, byte[] der) {

    /** The part a CA certificate plays. */
    public enum Role {
        /** The trust anchor relying parties install. */
        ROOT,
        /** The issuing CA that signs new certificates now. */
        ISSUING,
        /** A CA between the issuing CA and the root (only in a chain an operator brings). */
        INTERMEDIATE,
        /** An earlier issuing CA, kept to sign CRLs and OCSP answers for what it issued. */
        RETIRED_ISSUING
    }

    public CaCertificate {
        if (id == null || role == null || subject == null || notBefore == null || notAfter == null || der == null) {
            throw new IllegalArgumentException("a CA certificate needs every part");
        }
        der = der.clone();
    }

    @Override
    public byte[] der() {
        return der.clone();
    }

    public String pem() {
        return Pem.encode("CERTIFICATE", der);
    }
}
