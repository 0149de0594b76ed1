package org.openprofiles.domain.certificate.pki;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Where the service publishes its PKI, all under {@code <public base URL>/pki/}: the CA chain,
 * each CA's certificate (the AIA caIssuers URL), each CA's CRL (the CRL distribution point) and
 * the OCSP responder. Issued certificates carry these URLs and the HTTP routes serve them, so both
 * take them from here.
 */
public record PkiLocations(String baseUrl) {

    public static final String PREFIX = "/pki";

    public PkiLocations {
        baseUrl = checkBase(baseUrl);
    }

    /** The CA chain as PEM (issuing CA, then root). */
    public String chain() {
        return baseUrl + PREFIX + "/chain.pem";
    }

    /** One CA's certificate, DER (application/pkix-cert): the AIA caIssuers URL of what it issued. */
    public String caCertificate(IssuerId ca) {
        return baseUrl + PREFIX + "/ca/" + ca + ".crt";
    }

    /** One CA's CRL, DER (application/pkix-crl): the CRL distribution point of what it issued. */
    public String crl(IssuerId ca) {
        return baseUrl + PREFIX + "/crl/" + ca + ".crl";
    }

    /** The OCSP responder (RFC 6960: POST application/ocsp-request, or GET with the request in the path). */
    public String ocsp() {
        return baseUrl + PREFIX + "/ocsp";
    }

    private static String checkBase(String baseUrl) {
        if (baseUrl == null || baseUrl.isBlank()) {
            throw new IllegalArgumentException("the public base URL is required");
        }
        String trimmed = baseUrl.strip();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        try {
            URI uri = new URI(trimmed);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https"))
                    || uri.getHost() == null
                    || uri.getRawQuery() != null
                    || uri.getRawFragment() != null
                    || uri.getRawUserInfo() != null) {
                throw new IllegalArgumentException(
                        "the public base URL must be an http or https URL with a host and no query, fragment or user: "
                                + trimmed);
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("the public base URL is not a URL: " + trimmed);
        }
        return trimmed;
    }
}
