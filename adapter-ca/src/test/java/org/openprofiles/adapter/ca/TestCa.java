package org.openprofiles.adapter.ca;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import org.openprofiles.domain.certificate.pki.CertificateHolder;

/** A real embedded CA in a test's directory, and the JDK's view of what it produces. */
final class TestCa {

    static final String BASE_URL = "http://pki.example.test:8080";

    private TestCa() {
    }

    static EmbeddedCertificateAuthority create(Path dataDirectory) {
        return create(EmbeddedCaSettings.embedded(dataDirectory, BASE_URL));
    }

    static EmbeddedCertificateAuthority create(EmbeddedCaSettings settings) {
        EmbeddedCertificateAuthority ca = new EmbeddedCertificateAuthority(settings, Clock.systemUTC());
        ca.start();
        return ca;
    }

    static CertificateHolder ann() {
        return CertificateHolder.of("ann", "Ann Smith").withEmail("ann@example.org").withUserPrincipalName("ann@corp.example.org");
    }

    static X509Certificate certificate(byte[] der) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException e) {
            throw new IllegalStateException(e);
        }
    }

    static X509CRL crl(byte[] der) {
        try {
            return (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(der));
        } catch (java.security.cert.CRLException | CertificateException e) {
            throw new IllegalStateException(e);
        }
    }
}
