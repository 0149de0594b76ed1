package org.openprofiles.adapter.ca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openprofiles.domain.certificate.pki.CaCertificates;
import org.openprofiles.domain.certificate.pki.CertificateSettings;
import org.openprofiles.domain.certificate.pki.CertificateStatus;
import org.openprofiles.domain.certificate.pki.CrlRequest;
import org.openprofiles.domain.certificate.pki.IssuedCertificate;
import org.openprofiles.domain.certificate.pki.IssuedKeyPair;
import org.openprofiles.domain.certificate.pki.KeyGeneration;
import org.openprofiles.domain.certificate.pki.PfxPassword;
import org.openprofiles.domain.certificate.pki.RevocationReason;
import org.openprofiles.domain.certificate.pki.RevokedCertificate;

/**
 * What this CA produces, checked by OpenSSL as relying parties and clients use it: chain
 * verification with and without the CRL, the CRL's signature, OCSP answers to requests OpenSSL
 * made, PFX and PKCS#7 files. Skipped, saying so, only when the {@code openssl} command is absent.
 */
class OpensslInteropTest {

    @TempDir
    Path files;

    private static EmbeddedCertificateAuthority ca;
    private static CaCertificates authority;

    @BeforeAll
    static void needsOpenssl() {
        assumeTrue(
                opensslAvailable(),
                "openssl is not on the PATH: install it (Debian: apt-get install openssl) to run "
                        + "the OpenSSL interoperability checks");
        ca = TestCa.shared();
        authority = ca.caCertificates();
    }

    private static boolean opensslAvailable() {
        try {
            Process process = new ProcessBuilder("openssl", "version")
                    .redirectErrorStream(true)
                    .start();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Runs openssl in the test's directory; the exit code and what it printed (both streams). */
    private Result openssl(String... arguments) throws Exception {
        List<String> command = new ArrayList<>();
        command.add("openssl");
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command)
                .directory(files.toFile())
                .redirectErrorStream(true)
                .start();
        byte[] output = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "openssl did not finish: " + command);
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    private record Result(int exit, String output) {}

    private void write(String name, String text) throws IOException {
        Files.writeString(files.resolve(name), text, StandardCharsets.US_ASCII);
    }

    private void write(String name, byte[] bytes) throws IOException {
        Files.write(files.resolve(name), bytes);
    }

    private IssuedCertificate issue() throws IOException {
        IssuedCertificate issued =
                ca.issue(TestRequests.ec("secp256r1").request(), TestCa.ann(), CertificateSettings.defaults());
        write("root.pem", authority.root().pem());
        write("issuing.pem", authority.issuing().pem());
        write("chain.pem", authority.chainPem());
        return issued;
    }

    private byte[] crl(RevokedCertificate... entries) {
        Instant now = Instant.now();
        return ca.signCrl(
                        new CrlRequest(
                                authority.issuing().id(),
                                BigInteger.valueOf(now.getEpochSecond()),
                                now.minusSeconds(60),
                                now.plus(Duration.ofDays(1))),
                        List.of(entries))
                .pem()
                .getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void opensslVerifiesTheChainFromTheRoot() throws Exception {
        write("cert.pem", issue().pem());

        Result verified = openssl("verify", "-CAfile", "root.pem", "-untrusted", "issuing.pem", "cert.pem");

        assertEquals(0, verified.exit(), verified.output());
        assertEquals("cert.pem: OK", verified.output().strip());
    }

    @Test
    void opensslChecksTheCrlAndFindsTheRevokedCertificate() throws Exception {
        IssuedCertificate good = issue();
        IssuedCertificate revoked = issue();
        write("good.pem", good.pem());
        write("revoked.pem", revoked.pem());
        write(
                "crl.pem",
                crl(ca.revoke(
                        authority.issuing().id(), revoked.serial(), RevocationReason.KEY_COMPROMISE, Instant.now())));

        Result crlSignature = openssl("crl", "-in", "crl.pem", "-CAfile", "chain.pem", "-noout", "-verify");
        Result goodChecked = openssl(
                "verify",
                "-crl_check",
                "-CRLfile",
                "crl.pem",
                "-CAfile",
                "root.pem",
                "-untrusted",
                "issuing.pem",
                "good.pem");
        Result revokedChecked = openssl(
                "verify",
                "-crl_check",
                "-CRLfile",
                "crl.pem",
                "-CAfile",
                "root.pem",
                "-untrusted",
                "issuing.pem",
                "revoked.pem");

        assertEquals(0, crlSignature.exit(), crlSignature.output());
        assertTrue(crlSignature.output().contains("verify OK"), crlSignature.output());
        assertEquals(0, goodChecked.exit(), goodChecked.output());
        assertNotEquals(0, revokedChecked.exit(), revokedChecked.output());
        assertTrue(revokedChecked.output().contains("certificate revoked"), revokedChecked.output());
    }

    @Test
    void opensslAcceptsOcspAnswersToItsOwnRequests() throws Exception {
        IssuedCertificate good = issue();
        IssuedCertificate revoked = issue();
        write("good.pem", good.pem());
        write("revoked.pem", revoked.pem());
        Instant revokedAt = Instant.now().minusSeconds(3600);

        for (String name : List.of("good", "revoked", "unknown")) {
            String certificate = name.equals("unknown") ? "good.pem" : name + ".pem";
            Result asked =
                    openssl("ocsp", "-issuer", "issuing.pem", "-cert", certificate, "-reqout", name + "-req.der");
            assertEquals(0, asked.exit(), asked.output());
            byte[] answer = ca.answerOcsp(
                    Files.readAllBytes(files.resolve(name + "-req.der")), (issuer, serial) -> switch (name) {
                        case "good" -> CertificateStatus.good();
                        case "revoked" -> CertificateStatus.revoked(revokedAt, RevocationReason.KEY_COMPROMISE);
                        default -> CertificateStatus.unknown();
                    });
            write(name + "-resp.der", answer);

            // OpenSSL checks signature and nonce against its own request, then reads the status
            // (naming the certificate makes it build a new request, hence -no_nonce there).
            Result checked = openssl(
                    "ocsp",
                    "-reqin",
                    name + "-req.der",
                    "-respin",
                    name + "-resp.der",
                    "-CAfile",
                    "root.pem",
                    "-verify_other",
                    "issuing.pem");
            Result read = openssl(
                    "ocsp",
                    "-respin",
                    name + "-resp.der",
                    "-issuer",
                    "issuing.pem",
                    "-cert",
                    certificate,
                    "-no_nonce",
                    "-CAfile",
                    "root.pem",
                    "-verify_other",
                    "issuing.pem");

            assertEquals(0, checked.exit(), checked.output());
            assertEquals("Response verify OK", checked.output().strip());
            assertEquals(0, read.exit(), read.output());
            assertTrue(read.output().contains(certificate + ": " + name), read.output());
            if (name.equals("revoked")) {
                assertTrue(read.output().contains("Reason: keyCompromise"), read.output());
            }
        }
    }

    @Test
    void opensslOpensThePfxAndTheCertsOnlyPkcs7() throws Exception {
        IssuedKeyPair issued = ca.issueWithGeneratedKey(
                TestCa.ann(),
                CertificateSettings.builder()
                        .keyGeneration(KeyGeneration.SERVER)
                        .build(),
                PfxPassword.of("s3cret pfx", "pfxpassword"));
        write("user.pfx", issued.pfx());
        write("user.p7b", ca.certificatesOnly(issued.certificate().der()));

        Result pfx = openssl("pkcs12", "-in", "user.pfx", "-passin", "pass:s3cret pfx", "-nodes", "-info");
        Result pkcs7 = openssl("pkcs7", "-inform", "DER", "-in", "user.p7b", "-print_certs", "-noout");

        assertEquals(0, pfx.exit(), pfx.output());
        assertTrue(pfx.output().contains("MAC: sha256"), pfx.output());
        assertTrue(pfx.output().contains("AES-256-CBC"), pfx.output());
        assertTrue(pfx.output().contains("BEGIN PRIVATE KEY"), "the key is in it");
        assertEquals(3, pfx.output().split("BEGIN CERTIFICATE").length - 1, "certificate, issuing CA, root");
        assertEquals(0, pkcs7.exit(), pkcs7.output());
        assertEquals(3, pkcs7.output().split("subject=").length - 1, pkcs7.output());
    }

    @Test
    void keystoreMadeByOpensslIsAcceptedAsTheOperatorsCa() throws Exception {
        String[][] steps = {
            {
                "req",
                "-x509",
                "-newkey",
                "ec",
                "-pkeyopt",
                "ec_paramgen_curve:P-384",
                "-nodes",
                "-keyout",
                "root.key",
                "-out",
                "root.pem",
                "-days",
                "3650",
                "-subj",
                "/O=Example/CN=Example Root CA",
                "-addext",
                "basicConstraints=critical,CA:TRUE",
                "-addext",
                "keyUsage=critical,keyCertSign,cRLSign"
            },
            {
                "req",
                "-newkey",
                "ec",
                "-pkeyopt",
                "ec_paramgen_curve:P-256",
                "-nodes",
                "-keyout",
                "issuing.key",
                "-out",
                "issuing.csr",
                "-subj",
                "/O=Example/CN=Example Issuing CA"
            },
            {
                "x509",
                "-req",
                "-in",
                "issuing.csr",
                "-CA",
                "root.pem",
                "-CAkey",
                "root.key",
                "-CAcreateserial",
                "-out",
                "issuing.pem",
                "-days",
                "1825",
                "-extfile",
                "issuing.ext"
            },
            {
                "pkcs12",
                "-export",
                "-inkey",
                "issuing.key",
                "-in",
                "issuing.pem",
                "-certfile",
                "root.pem",
                "-name",
                "example-issuing",
                "-passout",
                "pass:operator pw",
                "-out",
                "operator.p12"
            }
        };
        write(
                "issuing.ext",
                "basicConstraints=critical,CA:TRUE,pathlen:0\nkeyUsage=critical,keyCertSign,cRLSign,digitalSignature\n"
                        + "subjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n");
        for (String[] step : steps) {
            Result result = openssl(step);
            assertEquals(0, result.exit(), String.join(" ", step) + ": " + result.output());
        }

        EmbeddedCertificateAuthority operator = TestCa.create(new EmbeddedCaSettings(
                files.resolve("data"),
                null,
                java.util.Optional.of(files.resolve("operator.p12")),
                java.util.Optional.of("operator pw"),
                java.util.Optional.empty(),
                java.util.Optional.empty(),
                TestCa.BASE_URL,
                null,
                null));
        write(
                "cert.pem",
                operator.issue(TestRequests.ec("secp256r1").request(), TestCa.ann(), CertificateSettings.defaults())
                        .pem());

        assertEquals(
                "CN=Example Issuing CA,O=Example",
                operator.caCertificates().issuing().subject());
        Result verified = openssl("verify", "-CAfile", "root.pem", "-untrusted", "issuing.pem", "cert.pem");
        assertEquals(0, verified.exit(), verified.output());
    }

    @Test
    void opensslOpensAnArchivedKeyWithTheKeyRecoveryKey() throws Exception {
        IssuedKeyPair issued = ca.issueWithGeneratedKey(
                TestCa.ann(),
                CertificateSettings.builder()
                        .keyGeneration(KeyGeneration.SERVER)
                        .archiveKeys(true)
                        .build(),
                PfxPassword.of("pw", "pfxpassword"));
        java.security.KeyStore recovery = java.security.KeyStore.getInstance("PKCS12");
        char[] password = Files.readString(TestCa.sharedDirectory().resolve("ca/keystore.password"))
                .strip()
                .toCharArray();
        try (java.io.InputStream in =
                Files.newInputStream(TestCa.sharedDirectory().resolve("ca/key-recovery.p12"))) {
            recovery.load(in, password);
        }
        write(
                "kra.key",
                org.openprofiles.domain.certificate.pki.Pem.encode(
                        "PRIVATE KEY", recovery.getKey("key-recovery", password).getEncoded()));
        write(
                "kra.pem",
                org.openprofiles.domain.certificate.pki.Pem.encode(
                        "CERTIFICATE", recovery.getCertificate("key-recovery").getEncoded()));
        write("archive.der", issued.archivedKey().orElseThrow().envelope());

        Result opened = openssl(
                "cms",
                "-decrypt",
                "-inform",
                "DER",
                "-in",
                "archive.der",
                "-recip",
                "kra.pem",
                "-inkey",
                "kra.key",
                "-binary",
                "-out",
                "key.der");

        assertEquals(0, opened.exit(), opened.output());
        org.junit.jupiter.api.Assertions.assertArrayEquals(
                TestPfx.open(issued.pfx(), "pw").key().getEncoded(), Files.readAllBytes(files.resolve("key.der")));
    }
}
