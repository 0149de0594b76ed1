package org.openprofiles.domain.certificate.pki;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * A certificate the CA issued, with the facts storage and the vendor's answers need without
 * parsing it again: issuer, serial, subject (RFC 4514), validity, and the DER itself.
 */
public record IssuedCertificate(
        IssuerId issuer, SerialNumber serial, String subject, Instant notBefore, Instant notAfter, byte[] der) {

    public IssuedCertificate {
        if (issuer == null
                || serial == null
                || subject == null
                || notBefore == null
                || notAfter == null
                || der == null) {
            throw new IllegalArgumentException("an issued certificate needs every part");
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

    /** SHA-1 of the DER in upper-case hex: the thumbprint Windows and the vendor's API show. */
    public String thumbprint() {
        try {
            return HexFormat.of()
                    .withUpperCase()
                    .formatHex(MessageDigest.getInstance("SHA-1").digest(der));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-1", e);
        }
    }
}
