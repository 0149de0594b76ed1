package org.openprofiles.bootstrap;

import java.time.Instant;
import org.openprofiles.domain.certificate.pki.ArchivedKey;
import org.openprofiles.domain.certificate.pki.CaCertificates;
import org.openprofiles.domain.certificate.pki.CertificateAuthority;
import org.openprofiles.domain.certificate.pki.CertificateAuthorityUnavailable;
import org.openprofiles.domain.certificate.pki.CertificateHolder;
import org.openprofiles.domain.certificate.pki.CertificateSettings;
import org.openprofiles.domain.certificate.pki.CertificateSigningRequest;
import org.openprofiles.domain.certificate.pki.CrlRequest;
import org.openprofiles.domain.certificate.pki.IssuedCertificate;
import org.openprofiles.domain.certificate.pki.IssuedKeyPair;
import org.openprofiles.domain.certificate.pki.IssuerId;
import org.openprofiles.domain.certificate.pki.PfxPassword;
import org.openprofiles.domain.certificate.pki.RevocationReason;
import org.openprofiles.domain.certificate.pki.RevocationStatusLookup;
import org.openprofiles.domain.certificate.pki.RevokedCertificate;
import org.openprofiles.domain.certificate.pki.SerialNumber;
import org.openprofiles.domain.certificate.pki.SignedCrl;

/**
 * The certificate authority the use cases are wired with before it exists: the embedded CA puts
 * the server's own address into issued certificates when no public base URL is set, and that
 * address (a port of 0 picks one) is known only once the listener is bound. Until
 * {@link #bind} the CA is unavailable (503), which no request can notice: none is served before.
 */
final class DeferredCertificateAuthority implements CertificateAuthority {

    private volatile CertificateAuthority target;

    void bind(CertificateAuthority authority) {
        target = authority;
    }

    private CertificateAuthority target() {
        CertificateAuthority bound = target;
        if (bound == null) {
            throw new CertificateAuthorityUnavailable("the certificate authority is not started yet");
        }
        return bound;
    }

    @Override
    public IssuedCertificate issue(
            CertificateSigningRequest request, CertificateHolder holder, CertificateSettings settings) {
        return target().issue(request, holder, settings);
    }

    @Override
    public IssuedKeyPair issueWithGeneratedKey(
            CertificateHolder holder, CertificateSettings settings, PfxPassword password) {
        return target().issueWithGeneratedKey(holder, settings, password);
    }

    @Override
    public byte[] certificatesOnly(byte[] certificateDer) {
        return target().certificatesOnly(certificateDer);
    }

    @Override
    public RevokedCertificate revoke(IssuerId issuer, SerialNumber serial, RevocationReason reason, Instant revokedAt) {
        return target().revoke(issuer, serial, reason, revokedAt);
    }

    @Override
    public SignedCrl signCrl(CrlRequest request, Iterable<RevokedCertificate> entries) {
        return target().signCrl(request, entries);
    }

    @Override
    public byte[] answerOcsp(byte[] ocspRequestDer, RevocationStatusLookup lookup) {
        return target().answerOcsp(ocspRequestDer, lookup);
    }

    @Override
    public CaCertificates caCertificates() {
        return target().caCertificates();
    }

    @Override
    public byte[] recoverKey(ArchivedKey archived, byte[] certificateDer, PfxPassword password) {
        return target().recoverKey(archived, certificateDer, password);
    }
}
