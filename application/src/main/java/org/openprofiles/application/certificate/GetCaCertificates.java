package org.openprofiles.application.certificate;

import org.openprofiles.domain.certificate.pki.CaCertificates;
import org.openprofiles.domain.certificate.pki.CertificateAuthority;

/**
 * A relying party (anyone: the CA's certificates are public) fetches the CA's certificates: the
 * chain to install, or one CA's certificate from an issued certificate's AIA caIssuers URL.
 */
public final class GetCaCertificates {

    private final CertificateAuthority authority;

    public GetCaCertificates(CertificateAuthority authority) {
        this.authority = authority;
    }

    public CaCertificates get() {
        return authority.caCertificates();
    }
}
