package org.openprofiles.domain.certificate.pki;

/**
 * How the OCSP responder learns a certificate's status: the application answers from its storage
 * (good when issued and not revoked, revoked with time and reason, unknown when never issued).
 * Called once per certificate in a request, at most {@link CertificateAuthority#MAX_OCSP_REQUESTS} times.
 */
@FunctionalInterface
public interface RevocationStatusLookup {

    CertificateStatus statusOf(IssuerId issuer, SerialNumber serial);
}
