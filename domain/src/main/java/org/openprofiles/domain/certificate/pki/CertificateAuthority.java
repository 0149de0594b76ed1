package org.openprofiles.domain.certificate.pki;

import java.time.Instant;

/**
 * The certificate authority behind the profiles: issues users' certificates (from their PKCS#10
 * request, or with a key pair it generates), revokes them, and publishes revocation status (CRL,
 * OCSP) and its own certificates. The built-in adapter is an embedded BouncyCastle CA; an
 * enterprise CA or EJBCA can stand behind the same port.
 *
 * <p>The CA keeps no records: the application stores what it issues and revokes (serial numbers
 * unique by a database index) and hands revocations back when a CRL is signed or an OCSP question
 * arrives. Every method may throw {@link CertificateAuthorityUnavailable} when the CA cannot sign
 * now; a client's input that breaks a rule is an {@code Invalid} naming the field and the rule,
 * and nothing is issued. No exception message ever holds a private key or a password.
 */
public interface CertificateAuthority {

    /** Most certificates one OCSP request may ask about; a request asking for more is malformed. */
    int MAX_OCSP_REQUESTS = 10;

    /**
     * Issues a certificate for the key in a client's PKCS#10 request. The request must be
     * well-formed, its signature must verify with a hash of SHA-256 or stronger, and its key must be
     * one {@link CertificateSettings#acceptedKeys() the template accepts}. The certificate's subject
     * and alternative names are built from {@code holder} by the template, never taken from the
     * request; a request that asks for more (another subject attribute or name, a usage not granted,
     * a CA certificate) is refused with every rule it breaks.
     *
     * @throws org.openprofiles.domain.shared.Invalid codes {@code csr_malformed},
     *     {@code csr_signature_invalid}, {@code csr_signature_algorithm_not_allowed},
     *     {@code csr_key_algorithm_not_allowed}, {@code csr_key_too_weak}, {@code csr_key_too_large},
     *     {@code csr_subject_not_granted}, {@code csr_alternative_name_not_granted},
     *     {@code csr_key_usage_not_granted}, {@code csr_extended_key_usage_not_granted},
     *     {@code csr_ca_not_allowed} (field: the request's field); {@code key_generated_by_server}
     *     when the template has the server make keys; {@code holder_field_missing},
     *     {@code subject_value_too_long} when the user lacks what the template needs
     */
    IssuedCertificate issue(CertificateSigningRequest request, CertificateHolder holder, CertificateSettings settings);

    /**
     * Generates a key pair of the template's {@link CertificateSettings#keyType() key type},
     * issues its certificate, and returns both with the chain in a PFX protected by
     * {@code password}; when the template archives keys, also the key encrypted to the
     * key-recovery key. The password is wiped afterwards.
     *
     * @throws org.openprofiles.domain.shared.Invalid {@code key_generated_by_client} when the
     *     template has clients make keys; {@code holder_field_missing}, {@code subject_value_too_long}
     */
    IssuedKeyPair issueWithGeneratedKey(CertificateHolder holder, CertificateSettings settings, PfxPassword password);

    /**
     * A certs-only PKCS#7 (CMS SignedData without content or signers, DER) holding the certificate
     * and the chain of CA certificates above it: what a client that made its own key installs.
     *
     * @throws IllegalArgumentException when {@code certificateDer} is not a certificate of this CA
     */
    byte[] certificatesOnly(byte[] certificateDer);

    /**
     * Revokes a certificate: the revocation the caller stores, so the next CRL and every OCSP
     * answer from then on report it. The embedded CA only checks and returns it (it holds no
     * records); an external CA is told here.
     *
     * @throws org.openprofiles.domain.shared.Invalid {@code revocation_reason_not_allowed} for
     *     reasons that do not apply to users' certificates
     * @throws org.openprofiles.domain.shared.NotFound {@code issuer_not_found} for an issuer that is
     *     not one of this CA's
     */
    RevokedCertificate revoke(IssuerId issuer, SerialNumber serial, RevocationReason reason, Instant revokedAt);

    /**
     * Signs a CRL of {@code request.issuer()} listing {@code entries} (the caller's revocations of
     * that issuer's certificates; it may leave out those that have expired). Entries are streamed
     * into the CRL, so the caller may read them from storage as it goes.
     *
     * @throws org.openprofiles.domain.shared.NotFound {@code issuer_not_found} when this CA cannot
     *     sign for that issuer
     * @throws IllegalArgumentException when an entry names another issuer
     */
    SignedCrl signCrl(CrlRequest request, Iterable<RevokedCertificate> entries);

    /**
     * Answers an OCSP request (RFC 6960, DER) with a DER OCSP response. Always answers, never
     * throws for the request's content: a malformed request (or one asking about more than
     * {@link #MAX_OCSP_REQUESTS} certificates) gets "malformedRequest", one about no certificate of
     * this CA "unauthorized", a failing lookup or an unavailable CA "tryLater". Otherwise each
     * certificate's status comes from {@code lookup}, the response is signed by its issuing CA,
     * and a nonce in the request is echoed.
     */
    byte[] answerOcsp(byte[] ocspRequestDer, RevocationStatusLookup lookup);

    /** The CA's certificates: root, current issuing CA, earlier ones. Also a readiness check. */
    CaCertificates caCertificates();

    /**
     * Opens an archived key and returns it in a PFX with its certificate and chain, protected by
     * {@code password} (wiped afterwards). The key must match the certificate.
     *
     * @throws IllegalArgumentException when the archive does not open or holds another key
     * @throws CertificateAuthorityUnavailable when the key-recovery key it was archived to is not here
     */
    byte[] recoverKey(ArchivedKey archived, byte[] certificateDer, PfxPassword password);
}
