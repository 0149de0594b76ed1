package org.openprofiles.domain.certificate.pki;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** PEM text (RFC 7468) of DER objects: certificates, CRLs, requests. */
public final class Pem {

    private static final Base64.Encoder ENCODER = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));

    private Pem() {}

    /** "-----BEGIN {label}-----", the base64 in lines of 64, "-----END {label}-----", each line ending in "\n". */
    public static String encode(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n" + ENCODER.encodeToString(der) + "\n-----END " + label + "-----\n";
    }
}
