package org.openprofiles.bootstrap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openprofiles.bootstrap.CertificateFixtures.CM;
import static org.openprofiles.bootstrap.CertificateFixtures.json;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Picking certificates up in the console: for a key the browser makes (PKCS#10 built and signed
 * in the page, the certificate found in the server's PKCS#7, the key saved encrypted), and as a
 * PFX when the server makes the key. The saved files are checked here as a relying party would.
 */
class ConsoleCertificateDownloadTest extends ConsoleBrowserTest {

    private static final String CLIENT_KEYS = UUID.randomUUID().toString();
    private static final String SERVER_KEYS = UUID.randomUUID().toString();
    private static final String PASSPHRASE = "correct horse battery staple";

    private static TestUsers.Caller erin;
    private static TestUsers.Caller fay;

    @BeforeAll
    static void arrange() {
        erin = TestUsers.create(server, "console-erin");
        fay = TestUsers.create(server, "console-fay");
        HttpResponse<String> client =
                http.post("/admin/v1/profile-templates", """
                {"id":"%s","name":"Browser-made key","policies":{"enroll":{"ownerMayInitiate":true}}}
                """.formatted(CLIENT_KEYS), TestUsers.admin());
        assertEquals(201, client.statusCode(), client.body());
        HttpResponse<String> serverKeys =
                http.post("/admin/v1/profile-templates", """
                {"id":"%s","name":"Server-made key","policies":{"enroll":{"ownerMayInitiate":true}},
                 "certificateSettings":{"keyGeneration":"SERVER","keyType":"EC_P256"}}
                """.formatted(SERVER_KEYS), TestUsers.admin());
        assertEquals(201, serverKeys.statusCode(), serverKeys.body());
    }

    /** An Enroll request of {@code caller} from {@code template}, Approved at once: its id. */
    private static String enrollRequest(TestUsers.Caller caller, String template) {
        HttpResponse<String> posted = http.post(CM + "/requests", """
                {"profiletemplateuuid":"%s","type":"Enroll","comment":""}""".formatted(template), caller.auth());
        assertEquals(201, posted.statusCode(), posted.body());
        return posted.body().replace("\"", "").substring("api/v1.0/requests/".length());
    }

    private static List<X509Certificate> published() throws Exception {
        HttpResponse<String> chain = http.get("/pki/chain.pem");
        assertEquals(200, chain.statusCode());
        List<X509Certificate> certificates = new ArrayList<>();
        for (Certificate c : CertificateFactory.getInstance("X.509")
                .generateCertificates(new ByteArrayInputStream(chain.body().getBytes(StandardCharsets.US_ASCII)))) {
            certificates.add((X509Certificate) c);
        }
        return certificates;
    }

    /** Verifies {@code certificate}'s signature with the published CA certificate that issued it. */
    private static void assertIssuedByTheServersCa(X509Certificate certificate) throws Exception {
        X509Certificate issuer = published().stream()
                .filter(ca -> ca.getSubjectX500Principal().equals(certificate.getIssuerX500Principal()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no published CA named " + certificate.getIssuerX500Principal()));
        certificate.verify(issuer.getPublicKey());
        certificate.checkValidity();
    }

    private static X509Certificate certificate(byte[] bytes) throws Exception {
        return (X509Certificate)
                CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(bytes));
    }

    private static void assertKeyMatches(PrivateKey key, X509Certificate certificate) throws Exception {
        byte[] data = "proof of possession".getBytes(StandardCharsets.UTF_8);
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(key);
        signer.update(data);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(certificate.getPublicKey());
        verifier.update(data);
        assertTrue(verifier.verify(signature), "the key belongs to the certificate");
    }

    /** Clicks Get certificate on the request's card and types the secret twice: answers the form's submit button. */
    private static WebElement startPickup(String card, String field, String secret, String again) {
        browser.waitFor(By.cssSelector(card + " button[data-action=pickup]")).click();
        browser.waitFor(By.cssSelector(card + " input[name=" + field + "]")).sendKeys(secret);
        browser.driver()
                .findElement(By.cssSelector(card + " input[name=" + field + "-again]"))
                .sendKeys(again);
        return browser.driver().findElement(By.cssSelector(card + " .pickup-form button[type=submit]"));
    }

    /** The pick-up's result once shown; a refusal shown instead fails with the page's words. */
    private static WebElement pickedUp(String result, String card) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
                .ignoring(StaleElementReferenceException.class)
                .until(d -> !d.findElements(By.cssSelector(result)).isEmpty()
                        || d
                                .findElements(By.cssSelector(
                                        card + " .pickup .form-error, " + card + " .pickup .field-error"))
                                .stream()
                                .anyMatch(e -> !e.getText().isBlank()));
        List<WebElement> found = browser.driver().findElements(By.cssSelector(result));
        assertFalse(
                found.isEmpty(),
                () -> "the pick-up was refused: "
                        + browser.driver().findElement(By.cssSelector(card)).getText());
        return found.get(0);
    }

    @Test
    void aKeyMadeInTheBrowserGetsACertificateDownloadedAsPemAndDerSignedByTheServersCa() throws Exception {
        String requestId = enrollRequest(erin, CLIENT_KEYS);
        browser.signIn(erin.token());
        String card = "#requests .request[data-request='" + requestId + "']";
        WebElement submit = startPickup(card, "passphrase", PASSPHRASE, PASSPHRASE);
        browser.assertAccessible("My certificates (picking a certificate up)");
        submit.click();

        WebElement issued = pickedUp(card + " .issued[data-serial]", card);
        String serial = issued.getAttribute("data-serial");
        browser.screenshot("certificates-picked-up");
        browser.assertAccessible("My certificates (certificate issued)");
        assertFalse(browser.driver().getPageSource().contains(PASSPHRASE), "the passphrase is gone from the page");
        assertFalse(browser.driver().getCurrentUrl().contains("correct"), "no secret in the address");

        issued.findElement(By.cssSelector("button[data-download=pem]")).click();
        byte[] pem = browser.downloaded("certificate-" + serial + ".pem");
        assertTrue(new String(pem, StandardCharsets.US_ASCII).startsWith("-----BEGIN CERTIFICATE-----"));
        X509Certificate leaf = certificate(pem);
        assertIssuedByTheServersCa(leaf);
        assertEquals(serial, leaf.getSerialNumber().toString(16).toUpperCase());
        assertEquals("CN=console-erin", leaf.getSubjectX500Principal().getName(), "the subject comes from the user");

        issued.findElement(By.cssSelector("button[data-download=key]")).click();
        byte[] keyPem = browser.downloaded("private-key-" + serial + ".pem");
        String keyText = new String(keyPem, StandardCharsets.US_ASCII);
        assertTrue(keyText.startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----"), keyText);
        byte[] keyDer = Base64.getMimeDecoder()
                .decode(keyText.replaceAll("-----[A-Z ]+-----", "").trim());
        PrivateKeyInfo info = new PKCS8EncryptedPrivateKeyInfo(keyDer)
                .decryptPrivateKeyInfo(new JceOpenSSLPKCS8DecryptorProviderBuilder()
                        .setProvider(new BouncyCastleProvider())
                        .build(PASSPHRASE.toCharArray()));
        assertKeyMatches(new JcaPEMKeyConverter().getPrivateKey(info), leaf);

        // Completing creates the profile; its card lists the certificate and still offers it (DER).
        browser.driver()
                .findElement(By.cssSelector(card + " form.complete button[type=submit]"))
                .click();
        WebElement listed = browser.waitFor(By.cssSelector("#profiles .certificates li[data-serial='" + serial + "']"));
        assertTrue(listed.getText().contains("In force"), listed.getText());
        listed.findElement(By.cssSelector("button[data-download=der]")).click();
        assertArrayEquals(leaf.getEncoded(), browser.downloaded("certificate-" + serial + ".cer"));
        String profile = listed.findElement(By.xpath("ancestor::article")).getAttribute("data-profile");
        assertEquals(
                serial,
                json(http.get(CM + "/profiles/" + profile + "/certificates", erin.auth()))
                        .get(0)
                        .get("SerialNumber")
                        .asText(),
                "the card shows the certificate the API lists for the profile");
        browser.assertAccessible("My certificates (profile with its certificate)");
    }

    @Test
    void aKeyMadeByTheServerComesOnceAsAPfxProtectedByThePasswordTheUserChose() throws Exception {
        String requestId = enrollRequest(fay, SERVER_KEYS);
        browser.signIn(fay.token());
        String card = "#requests .request[data-request='" + requestId + "']";
        WebElement submit = startPickup(card, "pfxpassword", PASSPHRASE, "something else");
        WebElement again = browser.driver().findElement(By.cssSelector(card + " input[name=pfxpassword-again]"));
        submit.click();
        browser.waitForText(By.cssSelector(card + " [data-field=pfxpassword-again] .field-error"), "differ");
        assertEquals("true", again.getAttribute("aria-invalid"));

        again.clear();
        again.sendKeys(PASSPHRASE);
        submit.click();
        WebElement issued = pickedUp(card + " .issued", card);
        browser.screenshot("certificates-pfx");
        issued.findElement(By.cssSelector("button[data-download=pfx]")).click();
        byte[] pfx = browser.downloaded("certificate-" + requestId.substring(0, 8) + ".pfx");

        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(new ByteArrayInputStream(pfx), PASSPHRASE.toCharArray());
        String alias = Collections.list(store.aliases()).stream()
                .filter(a -> {
                    try {
                        return store.isKeyEntry(a);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })
                .findFirst()
                .orElseThrow();
        X509Certificate leaf = (X509Certificate) store.getCertificate(alias);
        assertIssuedByTheServersCa(leaf);
        assertKeyMatches((PrivateKey) store.getKey(alias, PASSPHRASE.toCharArray()), leaf);

        HttpResponse<String> second =
                http.post(CM + "/requests/" + requestId + "/certificatedata", "{\"pfxpassword\":\"x\"}", fay.auth());
        assertEquals(409, second.statusCode(), "the server keeps no PFX: it is handed out once");
    }
}
