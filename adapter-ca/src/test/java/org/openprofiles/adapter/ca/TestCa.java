package org.openprofiles.adapter.ca;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.CRLException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Comparator;
import java.util.stream.Stream;
import org.openprofiles.domain.certificate.pki.CertificateHolder;

/** A real embedded CA in a test's directory, and the JDK's view of what it produces. */
final class TestCa {

    static final String BASE_URL = "http://pki.example.test:8080";

    private static EmbeddedCertificateAuthority shared;
    private static Path sharedDirectory;
    private static KeyPair rsaKeys;

    private TestCa() {}

    static EmbeddedCertificateAuthority create(Path dataDirectory) {
        return create(EmbeddedCaSettings.embedded(dataDirectory, BASE_URL));
    }

    static EmbeddedCertificateAuthority create(EmbeddedCaSettings settings) {
        EmbeddedCertificateAuthority ca = new EmbeddedCertificateAuthority(settings, Clock.systemUTC());
        ca.start();
        return ca;
    }

    /**
     * One CA for every test class that only issues and checks (creating one costs seconds on a
     * busy machine: key generation and the keystores' key derivation). Its directory is removed
     * when the test JVM ends.
     */
    static synchronized EmbeddedCertificateAuthority shared() {
        if (shared == null) {
            try {
                Path directory = Files.createTempDirectory("openprofiles-ca-test");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(directory)));
                shared = create(directory);
                sharedDirectory = directory;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return shared;
    }

    /** The data directory of {@link #shared()}, for tests that start a second instance on it. */
    static synchronized Path sharedDirectory() {
        shared();
        return sharedDirectory;
    }

    /** One RSA 2048 key pair for tests that need some RSA key, not a fresh one (generating takes a while). */
    static synchronized KeyPair rsa2048() {
        if (rsaKeys == null) {
            rsaKeys = TestRequests.rsaKeys(2048);
        }
        return rsaKeys;
    }

    static CertificateHolder ann() {
        return CertificateHolder.of("ann", "Ann Smith")
                .withEmail("ann@example.org")
                .withUserPrincipalName("ann@corp.example.org");
    }

    static X509Certificate certificate(byte[] der) {
        try {
            return (X509Certificate)
                    CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException e) {
            throw new IllegalStateException(e);
        }
    }

    static X509CRL crl(byte[] der) {
        try {
            return (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(der));
        } catch (CRLException | CertificateException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteTree(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort, at exit
        }
    }
}
