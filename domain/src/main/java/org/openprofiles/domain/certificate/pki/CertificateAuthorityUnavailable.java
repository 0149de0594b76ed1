package org.openprofiles.domain.certificate.pki;

/**
 * The certificate authority cannot sign now (its keystore cannot be read or opened, its key is
 * missing, an external CA does not answer). Not the client's fault and worth retrying: a request
 * waiting for its certificate stays where it was. The message is safe to show and log; it never
 * holds a password or key.
 *
 * <p>Deliberately not (yet) a {@code DomainFailure}: that family is sealed, and this outcome needs
 * its own HTTP answer (503 with Retry-After).
 */
public final class CertificateAuthorityUnavailable extends RuntimeException {

    public static final String CODE = "ca_unavailable";

    public CertificateAuthorityUnavailable(String message) {
        super(message);
    }

    public CertificateAuthorityUnavailable(String message, Throwable cause) {
        super(message, cause);
    }

    public String code() {
        return CODE;
    }
}
