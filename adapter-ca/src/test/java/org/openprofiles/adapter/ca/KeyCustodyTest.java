package org.openprofiles.adapter.ca;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openprofiles.domain.certificate.pki.CaCertificates;
import org.openprofiles.domain.certificate.pki.CertificateAuthorityUnavailable;
import org.openprofiles.domain.certificate.pki.CertificateSettings;
import org.openprofiles.domain.certificate.pki.IssuedCertificate;
import org.openprofiles.domain.certificate.pki.IssuerId;
import org.openprofiles.domain.certificate.pki.RevocationReason;
import org.openprofiles.domain.certificate.pki.SerialNumber;

/** Where the CA keys live, what protects them, and what happens when they cannot be opened. */
class KeyCustodyTest {

    @TempDir
    Path data;

    private static EmbeddedCaSettings settings(
            Path data,
            Optional<Path> keystore,
            Optional<String> password,
            Optional<Path> passwordFile,
            Optional<String> alias) {
        return new EmbeddedCaSettings(data, null, keystore, password, passwordFile, alias, TestCa.BASE_URL, null, null);
    }

    private static IssuedCertificate issue(EmbeddedCertificateAuthority ca) {
        return ca.issue(TestRequests.ec("secp256r1").request(), TestCa.ann(), CertificateSettings.defaults());
    }

    @Test
    void firstStartCreatesEncryptedKeystoresAndAPasswordOnlyTheOwnerCanRead() throws Exception {
        TestCa.create(data);

        Path directory = data.resolve("ca");
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(directory)));
        for (String file : new String[] {"ca.p12", "key-recovery.p12", "keystore.password"}) {
            assertEquals(
                    "rw-------",
                    PosixFilePermissions.toString(Files.getPosixFilePermissions(directory.resolve(file))),
                    file);
        }
        String password =
                Files.readString(directory.resolve("keystore.password")).strip();
        assertTrue(password.matches("[A-Za-z0-9_-]{43}"), "256 random bits, base64url");
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(directory.resolve("ca.p12"))) {
            store.load(in, password.toCharArray());
        }
        assertTrue(store.isKeyEntry("root") && store.isKeyEntry("issuing"));
        assertEquals(2, store.getCertificateChain("issuing").length);
        try (var listing = Files.list(directory)) {
            assertEquals(3, listing.count(), "no temporary file left behind");
        }
    }

    @Test
    void secondStartUsesTheSameKeys() throws Exception {
        EmbeddedCertificateAuthority first = TestCa.create(data);
        CaCertificates before = first.caCertificates();
        IssuedCertificate issued = issue(first);

        EmbeddedCertificateAuthority second = TestCa.create(data);

        assertArrayEquals(before.root().der(), second.caCertificates().root().der());
        assertArrayEquals(
                before.issuing().der(), second.caCertificates().issuing().der());
        X509Certificate issuedBySecond = TestCa.certificate(issue(second).der());
        issuedBySecond.verify(TestCa.certificate(before.issuing().der()).getPublicKey());
        assertEquals(issued.issuer(), second.caCertificates().issuing().id());
    }

    @Test
    void wrongPasswordFailsWithOneLineThatNamesTheFileButNoSecret() throws Exception {
        TestCa.create(data);
        String actual = Files.readString(data.resolve("ca/keystore.password")).strip();
        String wrong = "not-the-password-4711";
        EmbeddedCertificateAuthority ca = new EmbeddedCertificateAuthority(
                settings(data, Optional.empty(), Optional.of(wrong), Optional.empty(), Optional.empty()),
                Clock.systemUTC());

        CertificateAuthorityUnavailable failure = assertThrows(CertificateAuthorityUnavailable.class, ca::start);

        assertEquals(
                "the CA keystore " + data.resolve("ca/ca.p12") + " cannot be opened: the password is wrong",
                failure.getMessage());
        assertFalse(failure.getMessage().contains(wrong) || failure.getMessage().contains(actual));
        assertEquals("ca_unavailable", failure.code());
        CertificateAuthorityUnavailable whenIssuing =
                assertThrows(CertificateAuthorityUnavailable.class, () -> issue(ca));
        assertEquals(failure.getMessage(), whenIssuing.getMessage(), "signing answers unavailable, not a client error");
        assertEquals(
                OCSPResp.TRY_LATER, new OCSPResp(ca.answerOcsp(new byte[] {0x30, 0x00}, (i, s) -> null)).getStatus());
        IssuerId issuer = new IssuerId("0a0b0c0d");
        assertEquals(
                issuer,
                ca.revoke(issuer, SerialNumber.ofHex("abcdef"), RevocationReason.KEY_COMPROMISE, Instant.now())
                        .issuer(),
                "a revocation is recorded even while the CA cannot sign");
    }

    @Test
    void damagedKeystoreFailsClearly() throws Exception {
        TestCa.create(data);
        Files.write(data.resolve("ca/ca.p12"), new byte[] {0x30, 0x03, 0x02, 0x01, 0x03});

        CertificateAuthorityUnavailable failure = assertThrows(
                CertificateAuthorityUnavailable.class,
                () -> new EmbeddedCertificateAuthority(
                                EmbeddedCaSettings.embedded(data, TestCa.BASE_URL), Clock.systemUTC())
                        .start());

        assertTrue(
                failure.getMessage().endsWith("cannot be opened: it is not a PKCS#12 keystore or it is damaged"),
                failure.getMessage());
    }

    @Test
    void keystoreWhosePasswordFileWasLostIsNotReplaced() throws Exception {
        TestCa.create(data);
        byte[] keystore = Files.readAllBytes(data.resolve("ca/ca.p12"));
        Files.delete(data.resolve("ca/keystore.password"));

        CertificateAuthorityUnavailable failure =
                assertThrows(CertificateAuthorityUnavailable.class, () -> TestCa.create(data));

        assertTrue(failure.getMessage().contains("exists but no password was given"), failure.getMessage());
        assertArrayEquals(keystore, Files.readAllBytes(data.resolve("ca/ca.p12")));
        assertFalse(Files.exists(data.resolve("ca/keystore.password")));
    }

    @Test
    void passwordFromAFileEncryptsTheKeystoreAndNoneIsGenerated() throws Exception {
        Path secret = Files.writeString(data.resolve("ca-password"), "from a secret file\nignored second line\n");
        TestCa.create(settings(data, Optional.empty(), Optional.empty(), Optional.of(secret), Optional.empty()));

        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(data.resolve("ca/ca.p12"))) {
            store.load(in, "from a secret file".toCharArray());
        }
        assertTrue(store.isKeyEntry("issuing"));
        assertFalse(Files.exists(data.resolve("ca/keystore.password")));
    }

    @Test
    void unavailableCaIsOpenedOnceTheKeystoreCanBeReadAgain() throws Exception {
        Path secret = Files.writeString(data.resolve("ca-password"), "right\n");
        EmbeddedCaSettings fromFile =
                settings(data, Optional.empty(), Optional.empty(), Optional.of(secret), Optional.empty());
        TestCa.create(fromFile);
        Files.writeString(secret, "wrong\n");
        EmbeddedCertificateAuthority retriesAtOnce =
                new EmbeddedCertificateAuthority(fromFile, Clock.systemUTC(), Duration.ZERO);
        EmbeddedCertificateAuthority retriesLater =
                new EmbeddedCertificateAuthority(fromFile, Clock.systemUTC(), Duration.ofHours(1));
        assertThrows(CertificateAuthorityUnavailable.class, retriesAtOnce::start);
        assertThrows(CertificateAuthorityUnavailable.class, retriesLater::start);

        Files.writeString(secret, "right\n");

        assertEquals("CN=ann", issue(retriesAtOnce).subject(), "opened on the next call");
        assertThrows(
                CertificateAuthorityUnavailable.class,
                retriesLater::start,
                "fails fast until its retry interval passed");
    }

    @Test
    void operatorsKeystoreIsUsedAsItIsAndNeverWritten() throws Exception {
        OperatorKeystore operator = new OperatorKeystore().issuing("issuing-2026", Duration.ofDays(30), true);
        Path keystore = operator.write(data.resolve("operator.p12"), "operator secret");
        byte[] original = Files.readAllBytes(keystore);
        EmbeddedCertificateAuthority ca = TestCa.create(settings(
                data.resolve("service"),
                Optional.of(keystore),
                Optional.of("operator secret"),
                Optional.empty(),
                Optional.empty()));

        IssuedCertificate issued = issue(ca);

        CaCertificates authority = ca.caCertificates();
        assertEquals(
                "CN=Operator Issuing CA issuing-2026,O=Example",
                authority.issuing().subject());
        assertArrayEquals(operator.root().getEncoded(), authority.root().der());
        TestCa.certificate(issued.der())
                .verify(TestCa.certificate(authority.issuing().der()).getPublicKey());
        assertEquals(
                authority.issuing().notAfter().getEpochSecond(),
                issued.notAfter().getEpochSecond(),
                "a one-year certificate is cut short at its issuer's end, 30 days away");
        assertArrayEquals(original, Files.readAllBytes(keystore));
        assertTrue(
                Files.exists(data.resolve("service/ca/key-recovery.p12")), "the key-recovery key is the service's own");
        assertFalse(Files.exists(data.resolve("service/ca/ca.p12")));
        assertThrows(IllegalStateException.class, ca::rotateIssuingCa);
    }

    @Test
    void operatorsKeystoreWithSeveralKeysNeedsTheAliasOfTheIssuingOne() throws Exception {
        Path keystore = new OperatorKeystore()
                .issuing("old", Duration.ofDays(30), true)
                .issuing("new", Duration.ofDays(60), true)
                .write(data.resolve("operator.p12"), "pw");

        CertificateAuthorityUnavailable failure = assertThrows(
                CertificateAuthorityUnavailable.class,
                () -> TestCa.create(
                        settings(data, Optional.of(keystore), Optional.of("pw"), Optional.empty(), Optional.empty())));
        assertTrue(failure.getMessage().contains("holds 2 keys; set the CA key alias"), failure.getMessage());

        EmbeddedCertificateAuthority ca = TestCa.create(
                settings(data, Optional.of(keystore), Optional.of("pw"), Optional.empty(), Optional.of("new")));
        assertEquals(
                "CN=Operator Issuing CA new,O=Example",
                ca.caCertificates().issuing().subject());
        assertEquals(
                1,
                ca.caCertificates().all().stream()
                        .filter(c ->
                                c.role() == org.openprofiles.domain.certificate.pki.CaCertificate.Role.RETIRED_ISSUING)
                        .count(),
                "the other key still signs CRLs and OCSP answers for what it issued");
    }

    @Test
    void operatorsKeystoreMustExistAndHoldTheWholeChain() throws Exception {
        CertificateAuthorityUnavailable missing = assertThrows(
                CertificateAuthorityUnavailable.class,
                () -> TestCa.create(settings(
                        data,
                        Optional.of(data.resolve("nowhere.p12")),
                        Optional.of("pw"),
                        Optional.empty(),
                        Optional.empty())));
        assertEquals("the CA keystore " + data.resolve("nowhere.p12") + " does not exist", missing.getMessage());

        Path withoutRoot = new OperatorKeystore()
                .issuing("lonely", Duration.ofDays(30), false)
                .write(data.resolve("lonely.p12"), "pw");
        CertificateAuthorityUnavailable chain = assertThrows(
                CertificateAuthorityUnavailable.class,
                () -> TestCa.create(settings(
                        data, Optional.of(withoutRoot), Optional.of("pw"), Optional.empty(), Optional.empty())));
        assertTrue(chain.getMessage().contains("does not end at a root"), chain.getMessage());
    }

    @Test
    void settingsRequireThePasswordOfAnOperatorsKeystoreAndNeverPrintIt() {
        assertThrows(
                IllegalArgumentException.class,
                () -> settings(
                        data,
                        Optional.of(data.resolve("x.p12")),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty()));
        String printed = settings(data, Optional.empty(), Optional.of("hunter2"), Optional.empty(), Optional.empty())
                .toString();
        assertFalse(printed.contains("hunter2"), printed);
        assertTrue(printed.contains("keystorePassword=(set)"), printed);
    }
}
