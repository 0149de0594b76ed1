package org.openprofiles.domain.certificate.pki;

import java.util.HexFormat;

/**
 * Names one CA certificate (the root or an issuing CA) by its subject key identifier in lower-case
 * hexadecimal. Issued certificates record it; CRL and CA-certificate URLs carry it, so they stay
 * apart when an issuing CA is rotated.
 */
public record IssuerId(String value) {

    public IssuerId {
        if (value == null || !value.matches("[0-9a-f]{8,128}") || value.length() % 2 != 0) {
            throw new IllegalArgumentException("an issuer id is an even number (8-128) of lower-case hex digits");
        }
    }

    public static IssuerId of(byte[] keyIdentifier) {
        return new IssuerId(HexFormat.of().formatHex(keyIdentifier));
    }

    /** Parses an id from a URL path; empty-handed callers get {@link IllegalArgumentException}. */
    public static IssuerId parse(String text) {
        return new IssuerId(text == null ? "" : text);
    }

    @Override
    public String toString() {
        return value;
    }
}
