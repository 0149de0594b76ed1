package org.openprofiles.domain.certificate.pki;

import org.openprofiles.domain.shared.ServiceUnavailable;

/**
 * The certificate authority cannot sign now (its keystore cannot be read or opened, its key is
 * missing, an external CA does not answer). Not the client's fault and worth retrying: a request
 * waiting for its certificate stays where it was. The message is safe to show and log; it never
 * holds a password or key.
 *
 * <p>A {@link ServiceUnavailable}, not a {@code DomainFailure}: the client did nothing wrong, the
 * unit of work rolls back (a request waiting for its certificate stays Approved) and the answer is
 * 503 with {@code Retry-After}.
 */
public final class CertificateAuthorityUnavailable extends ServiceUnavailable {

    public static final String CODE = "ca_unavailable";

    public CertificateAuthorityUnavailable(String message) {
        super(message, null);
    }

    public CertificateAuthorityUnavailable(String message, Throwable cause) {
        super(message, cause);
    }

    public String code() {
        return CODE;
    }
}
