package org.openprofiles.adapter.ca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openprofiles.domain.certificate.pki.CaCertificate;
import org.openprofiles.domain.certificate.pki.CertificateAuthorityUnavailable;
import org.openprofiles.domain.certificate.pki.CertificateSettings;
import org.openprofiles.domain.certificate.pki.IssuedCertificate;
import org.openprofiles.domain.certificate.pki.IssuerId;

/**
 * Reading an existing CA's keys ahead of time (a server does it while its database starts,
 * before it knows its own address): it never creates a CA, and a CA built from what it read
 * signs under the address it is given then.
 */
class ReadAheadTest {

    @TempDir
    Path data;

    @Test
    void readingAheadBeforeTheFirstStartCreatesNothing() throws Exception {
        assertTrue(EmbeddedCertificateAuthority.readAhead(EmbeddedCaSettings.embedded(data, TestCa.BASE_URL))
                .isEmpty());

        assertFalse(Files.exists(data.resolve("ca")), "no directory, password or keystore before the first start");
    }

    @Test
    void aCaBuiltFromKeysReadAheadIssuesUnderTheAddressGivenLater() throws Exception {
        Path directory = TestCa.sharedDirectory();
        Optional<EmbeddedCertificateAuthority.ReadAhead> ahead = EmbeddedCertificateAuthority.readAhead(
                EmbeddedCaSettings.embedded(directory, "http://address-not-known-yet.invalid"));
        assertTrue(ahead.isPresent());

        String later = "http://pki.later.example.test:9090";
        EmbeddedCertificateAuthority ca = new EmbeddedCertificateAuthority(
                EmbeddedCaSettings.embedded(directory, later), Clock.systemUTC(), ahead.get());
        IssuedCertificate issued =
                ca.issue(TestRequests.ec("secp256r1").request(), TestCa.ann(), CertificateSettings.defaults());

        assertEquals(ids(TestCa.shared()), ids(ca), "the same CA");
        X509Certificate certificate = TestCa.certificate(issued.der());
        String extensions = new String(certificate.getExtensionValue("1.3.6.1.5.5.7.1.1"), "ISO-8859-1")
                + new String(certificate.getExtensionValue("2.5.29.31"), "ISO-8859-1");
        assertTrue(extensions.contains(later + "/pki/"), "OCSP and CRL locations under the later address");
        assertFalse(extensions.contains("address-not-known-yet"));
    }

    private static List<IssuerId> ids(EmbeddedCertificateAuthority ca) {
        return ca.start().all().stream().map(CaCertificate::id).toList();
    }

    @Test
    void aKeystoreThatCannotBeReadAheadIsLeftToTheStartToReport() throws Exception {
        Path shared = TestCa.sharedDirectory().resolve("ca");
        Files.createDirectories(data.resolve("ca"));
        for (String file : new String[] {CaFiles.CA_KEYSTORE, CaFiles.RECOVERY_KEYSTORE}) {
            Files.copy(shared.resolve(file), data.resolve("ca").resolve(file));
        }
        Files.writeString(data.resolve("ca").resolve(CaFiles.PASSWORD_FILE), "not-the-password\n");
        EmbeddedCaSettings settings = EmbeddedCaSettings.embedded(data, TestCa.BASE_URL);

        assertTrue(EmbeddedCertificateAuthority.readAhead(settings).isEmpty());

        CertificateAuthorityUnavailable failure = assertThrows(
                CertificateAuthorityUnavailable.class,
                () -> new EmbeddedCertificateAuthority(settings, Clock.systemUTC()).start());
        assertTrue(failure.getMessage().contains("password is wrong"), failure.getMessage());
    }
}
