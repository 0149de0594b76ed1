package org.openprofiles.domain.certificate.pki;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import org.openprofiles.domain.shared.Invalid;

/**
 * A client's PKCS#10 certificate request as it arrived (DER), and the name of the input it came
 * from, so every refusal names the field the client filled ({@code certificaterequests[0]}).
 */
public record CertificateSigningRequest(byte[] der, String field) {

    /** Far above any real request (an RSA 8192 request is about 1.2 KB); bounds the parsing work. */
    public static final int MAX_BYTES = 16 * 1024;

    public CertificateSigningRequest {
        if (field == null || field.isBlank()) {
            throw new IllegalArgumentException("a request needs the name of its field");
        }
        if (der == null || der.length == 0) {
            throw new Invalid("csr_required", field, field + " must hold a PKCS#10 certificate request");
        }
        if (der.length > MAX_BYTES) {
            throw new Invalid("csr_too_large", field, field + " is larger than " + MAX_BYTES + " bytes");
        }
        der = der.clone();
    }

    /**
     * A request sent as text: base64 of the DER (what the Certificate Management API carries), or
     * PEM with any "-----BEGIN … REQUEST-----" header (what certreq and openssl write).
     */
    public static CertificateSigningRequest fromText(String text, String field) {
        if (text == null || text.isBlank()) {
            throw new Invalid("csr_required", field, field + " must hold a PKCS#10 certificate request");
        }
        if (text.length() > MAX_BYTES * 2) {
            throw new Invalid("csr_too_large", field, field + " is larger than " + MAX_BYTES + " bytes");
        }
        StringBuilder base64 = new StringBuilder(text.length());
        for (String line : text.split("\\R")) {
            String trimmed = line.strip();
            if (!trimmed.startsWith("-----")) {
                base64.append(trimmed.replaceAll("\\s", ""));
            }
        }
        try {
            return new CertificateSigningRequest(
                    Base64.getDecoder().decode(base64.toString().getBytes(StandardCharsets.US_ASCII)), field);
        } catch (IllegalArgumentException e) {
            throw new Invalid("csr_not_base64", field, field + " must be base64 (or PEM) of a PKCS#10 request");
        }
    }

    @Override
    public byte[] der() {
        return der.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CertificateSigningRequest that
                && field.equals(that.field)
                && Arrays.equals(der, that.der);
    }

    @Override
    public int hashCode() {
        return 31 * field.hashCode() + Arrays.hashCode(der);
    }

    @Override
    public String toString() {
        return "CertificateSigningRequest[" + field + ", " + der.length + " bytes]";
    }
}
