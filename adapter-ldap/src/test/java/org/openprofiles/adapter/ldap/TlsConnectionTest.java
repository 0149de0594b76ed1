package org.openprofiles.adapter.ldap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.util.ssl.KeyStoreKeyManager;
import com.unboundid.util.ssl.SSLUtil;
import com.unboundid.util.ssl.TrustAllTrustManager;
import com.unboundid.util.ssl.cert.ManageCertificates;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openprofiles.adapter.ldap.testing.InMemoryDirectory;
import org.openprofiles.domain.access.directory.DirectoryReadRequest;
import org.openprofiles.domain.access.directory.DirectoryUnavailable;
import org.openprofiles.domain.access.directory.DirectoryUnavailable.Reason;

/**
 * LDAPS and StartTLS against the in-memory server with a certificate made for the test (for
 * {@code localhost} only): read when the certificate is trusted and the host name matches,
 * unreachable otherwise.
 */
class TlsConnectionTest {

    private static final String PIN = "keystore-pin";

    @TempDir
    static Path dir;

    private static Path serverKeys;
    private static Path otherHostKeys;
    private static Path trustStore;

    /** Two self-signed certificates, both trusted: one for localhost, one for another host name. */
    @BeforeAll
    static void makeCertificates() {
        serverKeys = dir.resolve("server.p12");
        otherHostKeys = dir.resolve("other.p12");
        trustStore = dir.resolve("trust.p12");
        certificate(serverKeys, "localhost");
        certificate(otherHostKeys, "directory.example.invalid");
    }

    private static void certificate(Path keys, String host) {
        Path pem = dir.resolve(host + ".pem");
        manage(
                "generate-self-signed-certificate",
                "--keystore",
                keys.toString(),
                "--keystore-password",
                PIN,
                "--keystore-type",
                "PKCS12",
                "--alias",
                "server",
                "--subject-dn",
                "CN=" + host,
                "--days-valid",
                "2",
                "--key-algorithm",
                "RSA",
                "--key-size-bits",
                "2048",
                "--signature-algorithm",
                "SHA256withRSA",
                "--subject-alternative-name-dns",
                host);
        manage(
                "export-certificate",
                "--keystore",
                keys.toString(),
                "--keystore-password",
                PIN,
                "--alias",
                "server",
                "--output-file",
                pem.toString(),
                "--output-format",
                "PEM");
        manage(
                "import-certificate",
                "--keystore",
                trustStore.toString(),
                "--keystore-password",
                PIN,
                "--keystore-type",
                "PKCS12",
                "--alias",
                host,
                "--certificate-file",
                pem.toString(),
                "--no-prompt");
    }

    private static void manage(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        var code = ManageCertificates.main(null, out, out, args);
        if (code.intValue() != 0) {
            throw new IllegalStateException(args[0] + " failed: " + out);
        }
    }

    private static SSLUtil serverSsl(Path keys) throws Exception {
        return new SSLUtil(
                new KeyStoreKeyManager(keys.toFile(), PIN.toCharArray(), "PKCS12", "server"),
                new TrustAllTrustManager());
    }

    private static InMemoryDirectory ldaps(Path keys) throws Exception {
        return InMemoryDirectory.activeDirectory(InMemoryListenerConfig.createLDAPSConfig(
                "ldaps", InetAddress.getLoopbackAddress(), 0, serverSsl(keys).createSSLServerSocketFactory(), null));
    }

    private static InMemoryDirectory startTls() throws Exception {
        return InMemoryDirectory.activeDirectory(InMemoryListenerConfig.createLDAPConfig(
                "starttls",
                InetAddress.getLoopbackAddress(),
                0,
                serverSsl(serverKeys).createSSLSocketFactory()));
    }

    private static LdapDirectorySource source(
            InMemoryDirectory directory, String url, UnaryOperator<LdapSettings.Builder> more) {
        return new LdapDirectorySource(more.apply(LdapSettings.builder(
                                LdapSettings.Preset.ACTIVE_DIRECTORY, LdapSettings.url(url), directory.baseDn())
                        .bind(directory.bindDn(), directory.bindPassword())
                        .timeouts(Duration.ofSeconds(5), Duration.ofSeconds(10)))
                .build());
    }

    private static LdapSettings.Builder trusting(LdapSettings.Builder settings) {
        return settings.trustStore(Optional.of(trustStore), PIN);
    }

    @Test
    void ldapsWithATrustedCertificateReadsTheDirectory() throws Exception {
        try (InMemoryDirectory directory = ldaps(serverKeys)) {
            RecordingSink sink = new RecordingSink();
            source(directory, "ldaps://localhost:" + directory.server().getListenPort(), TlsConnectionTest::trusting)
                    .read(DirectoryReadRequest.full(Set.of()), sink);
            assertEquals(Set.of("alice", "bob", "carol", "eve"), sink.logins());
        }
    }

    @Test
    void startTlsWithATrustedCertificateReadsTheDirectory() throws Exception {
        try (InMemoryDirectory directory = startTls()) {
            UnaryOperator<LdapSettings.Builder> settings = b -> trusting(b).startTls(true);
            RecordingSink sink = new RecordingSink();
            source(directory, "ldap://localhost:" + directory.server().getListenPort(), settings)
                    .read(DirectoryReadRequest.full(Set.of()), sink);
            assertEquals(4, sink.accounts().size());
        }
    }

    @Test
    void anUntrustedCertificateMakesTheServerUnreachable() throws Exception {
        try (InMemoryDirectory directory = ldaps(serverKeys)) {
            int port = directory.server().getListenPort();
            DirectoryUnavailable untrusted = assertThrows(
                    DirectoryUnavailable.class,
                    () -> source(directory, "ldaps://localhost:" + port, b -> b)
                            .read(DirectoryReadRequest.full(Set.of()), new RecordingSink()));
            assertEquals(Reason.UNREACHABLE, untrusted.reason(), untrusted.getMessage());
            assertTrue(
                    untrusted.getMessage().startsWith("Directory ldaps://localhost:" + port), untrusted.getMessage());
        }
    }

    @Test
    void aTrustedCertificateForAnotherHostNameIsRefused() throws Exception {
        try (InMemoryDirectory directory = ldaps(otherHostKeys)) {
            DirectoryUnavailable otherHost = assertThrows(
                    DirectoryUnavailable.class,
                    () -> source(
                                    directory,
                                    "ldaps://localhost:" + directory.server().getListenPort(),
                                    TlsConnectionTest::trusting)
                            .read(DirectoryReadRequest.full(Set.of()), new RecordingSink()));
            assertEquals(Reason.UNREACHABLE, otherHost.reason(), otherHost.getMessage());
            assertTrue(otherHost.getMessage().contains("localhost"), otherHost.getMessage());
        }
    }

    @Test
    void startTlsThatFailsNeverFallsBackToPlainText() throws Exception {
        try (InMemoryDirectory plain = InMemoryDirectory.activeDirectory();
                InMemoryDirectory secured = startTls()) {
            UnaryOperator<LdapSettings.Builder> settings = b -> b.startTls(true);
            DirectoryUnavailable unsupported = assertThrows(
                    DirectoryUnavailable.class,
                    () -> source(plain, "ldap://localhost:" + plain.server().getListenPort(), settings)
                            .read(DirectoryReadRequest.full(Set.of()), new RecordingSink()));
            assertEquals(Reason.UNREACHABLE, unsupported.reason(), unsupported.getMessage());
            assertTrue(unsupported.getMessage().contains("while starting TLS"), unsupported.getMessage());

            DirectoryUnavailable untrusted = assertThrows(
                    DirectoryUnavailable.class,
                    () -> source(secured, "ldap://localhost:" + secured.server().getListenPort(), settings)
                            .read(DirectoryReadRequest.full(Set.of()), new RecordingSink()));
            assertEquals(Reason.UNREACHABLE, untrusted.reason(), untrusted.getMessage());
            assertTrue(untrusted.getMessage().contains("while starting TLS"), untrusted.getMessage());
        }
    }
}
