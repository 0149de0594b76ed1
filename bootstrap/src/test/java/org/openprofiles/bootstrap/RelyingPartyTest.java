package org.openprofiles.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.openprofiles.bootstrap.CertificateFixtures.CM;
import static org.openprofiles.bootstrap.CertificateFixtures.json;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertStore;
import java.security.cert.CertificateFactory;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXParameters;
import java.security.cert.PKIXRevocationChecker;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openprofiles.adapter.jdbc.testing.PostgresExtension;
import org.openprofiles.adapter.jdbc.testing.TestDatabase;

/**
 * Issued certificates checked as a relying party checks them, with nothing but a certificate and
 * the running server's published URLs: the issuer from the AIA caIssuers URL, the root from
 * {@code /pki/chain.pem}, the CRL from the CRL distribution point, the status from the OCSP
 * responder. The JDK's {@code CertPathValidator} (CRLs, and OCSP over the network), then OpenSSL
 * ({@code verify}, {@code crl}, {@code ocsp -url} against the server) where it is installed; a
 * revoked certificate shows revoked in both CRL and OCSP, and the published URLs need no account.
 */
@ExtendWith(PostgresExtension.class)
class RelyingPartyTest {

    private static final String TEMPLATE = UUID.randomUUID().toString();

    @TempDir
    static Path dataDir;

    @TempDir
    static Path files;

    private static Server server;
    private static Http http;
    private static final HttpClient RAW = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private static X509Certificate good;
    private static X509Certificate revoked;
    private static X509Certificate issuing;
    private static X509Certificate root;

    @BeforeAll
    static void issueTwoAndRevokeOne(TestDatabase database) throws Exception {
        server = Server.start(
                TestServers.build(TestServers.builder(database).with(Config.DATA_DIR, dataDir.toString())));
        http = new Http(server.uri());
        TestUsers.Caller holly = TestUsers.create(server, "holly");
        HttpResponse<String> created =
                http.post("/admin/v1/profile-templates", """
                {"id":"%s","name":"Relying","policies":{"enroll":{"ownerMayInitiate":true},"revoke":{"ownerMayInitiate":true}}}
                """.formatted(TEMPLATE), TestUsers.admin());
        assertEquals(201, created.statusCode(), created.body());
        good = enrolled(holly).certificate();
        CertificateWalkthroughTest.Enrolled toRevoke = enrolled(holly);
        revoked = toRevoke.certificate();
        HttpResponse<String> revoke =
                http.post(CM + "/requests", """
                {"profiletemplateuuid":"%s","type":"Revoke","comment":"","profile":"%s"}
                """.formatted(TEMPLATE, toRevoke.profile()), holly.auth());
        assertEquals(201, revoke.statusCode(), revoke.body());

        // Only from the certificate: its issuer from the AIA caIssuers URL, the root from the chain.
        issuing = TestCsrs.certificate(fetch(uri(good, Extension.authorityInfoAccess)));
        List<X509Certificate> chain =
                certificates(fetch(server.uri().resolve("pki/chain.pem").toString()));
        root = chain.get(chain.size() - 1);
        assertEquals(issuing, chain.get(0));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static CertificateWalkthroughTest.Enrolled enrolled(TestUsers.Caller caller) {
        String request = CertificateWalkthroughTest.requestId(
                http.post(CM + "/requests", """
                {"profiletemplateuuid":"%s","type":"Enroll","comment":""}
                """.formatted(TEMPLATE), caller.auth()));
        HttpResponse<String> data = http.post(
                CM + "/requests/" + request + "/certificatedata",
                CertificateWalkthroughTest.csrBody(TestCsrs.csr(TestCsrs.ec("secp256r1"), "")),
                caller.auth());
        assertEquals(200, data.statusCode(), data.body());
        assertEquals(
                200,
                http.put(CM + "/requests/" + request, "{\"status\":\"Completed\"}", caller.auth())
                        .statusCode());
        String profile = json(http.get(CM + "/requests/" + request, caller.auth()))
                .get("NewProfileUuid")
                .asText();
        return new CertificateWalkthroughTest.Enrolled(
                request,
                profile,
                TestCsrs.pkcs7(json(data).get(0).get("Pkcs7").asText()).get(0));
    }

    @Test
    void theJdkValidatesTheGoodCertificateAndRefusesTheRevokedOneWithTheCrlFromItsDistributionPoint() throws Exception {
        List<X509CRL> crls = List.of(
                crl(uri(good, Extension.cRLDistributionPoints)), crl(uri(issuing, Extension.cRLDistributionPoints)));
        validate(good, crlChecking(crls));
        CertPathValidatorException refused =
                assertThrows(CertPathValidatorException.class, () -> validate(revoked, crlChecking(crls)));
        assertEquals(CertPathValidatorException.BasicReason.REVOKED, refused.getReason());
    }

    @Test
    void theJdkAsksTheOcspResponderOverTheNetworkAndLearnsGoodAndRevoked() throws Exception {
        validate(good, ocspChecking());
        CertPathValidatorException refused =
                assertThrows(CertPathValidatorException.class, () -> validate(revoked, ocspChecking()));
        assertEquals(CertPathValidatorException.BasicReason.REVOKED, refused.getReason());
    }

    @Test
    void theCrlListsTheRevokedCertificateOnlyAndIsSignedByTheIssuer() throws Exception {
        X509CRL crl = crl(uri(good, Extension.cRLDistributionPoints));
        crl.verify(issuing.getPublicKey());
        assertTrue(crl.isRevoked(revoked));
        assertTrue(!crl.isRevoked(good));
        assertTrue(crl.getNextUpdate().after(crl.getThisUpdate()));
    }

    @Test
    void theOcspResponderAnswersGetRequestsAndMalformedOnesWithoutAnAccount() throws Exception {
        HttpResponse<byte[]> garbage = RAW.send(
                HttpRequest.newBuilder(server.uri()
                                .resolve("pki/ocsp/" + Base64.getEncoder().encodeToString(new byte[] {1, 2, 3})))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, garbage.statusCode());
        assertEquals(
                "application/ocsp-response",
                garbage.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(OCSPResp.MALFORMED_REQUEST, new OCSPResp(garbage.body()).getStatus());
        HttpResponse<byte[]> unknownCa = RAW.send(
                HttpRequest.newBuilder(server.uri().resolve("pki/crl/" + "ab".repeat(20) + ".crl"))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(404, unknownCa.statusCode());
    }

    @Test
    void opensslVerifiesTheChainTheCrlAndAsksTheRunningOcspResponder() throws Exception {
        assumeTrue(
                opensslAvailable(),
                "openssl is not on the PATH: install it (Debian: apt-get install openssl) to run the OpenSSL relying-party checks");
        write("root.pem", pem(root.getEncoded(), "CERTIFICATE"));
        write("issuing.pem", pem(issuing.getEncoded(), "CERTIFICATE"));
        write("good.pem", pem(good.getEncoded(), "CERTIFICATE"));
        write("revoked.pem", pem(revoked.getEncoded(), "CERTIFICATE"));
        Files.write(files.resolve("crl.der"), fetch(uri(good, Extension.cRLDistributionPoints)));

        Result chain = openssl("verify", "-CAfile", "root.pem", "-untrusted", "issuing.pem", "good.pem");
        assertEquals(0, chain.exit(), chain.output());
        Result crl = openssl("crl", "-inform", "DER", "-in", "crl.der", "-CAfile", "issuing.pem", "-noout", "-text");
        assertEquals(0, crl.exit(), crl.output());
        assertTrue(crl.output().contains("verify OK"), crl.output());
        assertTrue(
                crl.output()
                        .toUpperCase()
                        .contains(revoked.getSerialNumber().toString(16).toUpperCase()),
                crl.output());
        Result crlPem = openssl("crl", "-inform", "DER", "-in", "crl.der", "-out", "crl.pem");
        assertEquals(0, crlPem.exit(), crlPem.output());
        Result goodWithCrl = openssl(
                "verify",
                "-crl_check",
                "-CRLfile",
                "crl.pem",
                "-CAfile",
                "root.pem",
                "-untrusted",
                "issuing.pem",
                "good.pem");
        assertEquals(0, goodWithCrl.exit(), goodWithCrl.output());
        Result revokedWithCrl = openssl(
                "verify",
                "-crl_check",
                "-CRLfile",
                "crl.pem",
                "-CAfile",
                "root.pem",
                "-untrusted",
                "issuing.pem",
                "revoked.pem");
        assertTrue(revokedWithCrl.exit() != 0 && revokedWithCrl.output().contains("revoked"), revokedWithCrl.output());

        String ocspUrl = uri(good, Extension.authorityInfoAccess, true);
        for (String[] expected : List.of(new String[] {"good.pem", "good"}, new String[] {"revoked.pem", "revoked"})) {
            Result ocsp = openssl(
                    "ocsp",
                    "-issuer",
                    "issuing.pem",
                    "-cert",
                    expected[0],
                    "-url",
                    ocspUrl,
                    "-CAfile",
                    "root.pem",
                    "-verify_other",
                    "issuing.pem");
            assertEquals(0, ocsp.exit(), ocsp.output());
            assertTrue(ocsp.output().contains("Response verify OK"), ocsp.output());
            assertTrue(ocsp.output().contains(expected[0] + ": " + expected[1]), ocsp.output());
        }
    }

    private static void validate(X509Certificate leaf, PKIXParameters parameters) throws Exception {
        CertPath path = CertificateFactory.getInstance("X.509").generateCertPath(List.of(leaf, issuing));
        CertPathValidator.getInstance("PKIX").validate(path, parameters);
    }

    private static PKIXParameters crlChecking(Collection<X509CRL> crls) throws Exception {
        PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(root, null)));
        parameters.setRevocationEnabled(true);
        parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(crls)));
        return parameters;
    }

    private static PKIXParameters ocspChecking() throws Exception {
        PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(root, null)));
        PKIXRevocationChecker checker =
                (PKIXRevocationChecker) CertPathValidator.getInstance("PKIX").getRevocationChecker();
        // OCSP for the user's certificate only, from the responder its AIA names; no fallback to CRLs.
        checker.setOptions(
                EnumSet.of(PKIXRevocationChecker.Option.ONLY_END_ENTITY, PKIXRevocationChecker.Option.NO_FALLBACK));
        parameters.setRevocationEnabled(true);
        parameters.addCertPathChecker(checker);
        return parameters;
    }

    /** The URL an extension of {@code certificate} names: the CRL distribution point, or the AIA caIssuers URL. */
    private static String uri(X509Certificate certificate, org.bouncycastle.asn1.ASN1ObjectIdentifier extension) {
        return uri(certificate, extension, false);
    }

    private static String uri(
            X509Certificate certificate, org.bouncycastle.asn1.ASN1ObjectIdentifier extension, boolean ocsp) {
        byte[] value = ASN1OctetString.getInstance(certificate.getExtensionValue(extension.getId()))
                .getOctets();
        List<GeneralName> names = new ArrayList<>();
        if (extension.equals(Extension.cRLDistributionPoints)) {
            for (DistributionPoint point : CRLDistPoint.getInstance(value).getDistributionPoints()) {
                for (GeneralName name : org.bouncycastle.asn1.x509.GeneralNames.getInstance(
                                point.getDistributionPoint().getName())
                        .getNames()) {
                    names.add(name);
                }
            }
        } else {
            for (AccessDescription access :
                    AuthorityInformationAccess.getInstance(value).getAccessDescriptions()) {
                boolean wanted = ocsp
                        ? access.getAccessMethod().equals(AccessDescription.id_ad_ocsp)
                        : access.getAccessMethod().equals(AccessDescription.id_ad_caIssuers);
                if (wanted) {
                    names.add(access.getAccessLocation());
                }
            }
        }
        return names.get(0).getName().toString();
    }

    private static byte[] fetch(String url) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = RAW.send(
                HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode(), url);
        return response.body();
    }

    private static X509CRL crl(String url) throws Exception {
        return (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(fetch(url)));
    }

    private static List<X509Certificate> certificates(byte[] pem) throws Exception {
        List<X509Certificate> certificates = new ArrayList<>();
        for (var certificate :
                CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(pem))) {
            certificates.add((X509Certificate) certificate);
        }
        return certificates;
    }

    private static String pem(byte[] der, String label) {
        return "-----BEGIN " + label + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(der) + "\n-----END " + label + "-----\n";
    }

    private static void write(String name, String text) throws IOException {
        Files.writeString(files.resolve(name), text, StandardCharsets.US_ASCII);
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

    private record Result(int exit, String output) {}

    private static Result openssl(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command)
                .directory(files.toFile())
                .redirectErrorStream(true)
                .start();
        byte[] output = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "openssl did not finish: " + command);
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }
}
