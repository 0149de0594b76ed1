package org.openprofiles.adapter.ca;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import org.bouncycastle.pkcs.PKCS12PfxPdu;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openprofiles.domain.certificate.pki.CaCertificates;
import org.openprofiles.domain.certificate.pki.CertificateSettings;
import org.openprofiles.domain.certificate.pki.EcCurve;
import org.openprofiles.domain.certificate.pki.IssuedKeyPair;
import org.openprofiles.domain.certificate.pki.KeyGeneration;
import org.openprofiles.domain.certificate.pki.KeyType;
import org.openprofiles.domain.certificate.pki.PfxPassword;
import org.openprofiles.domain.shared.Invalid;

/** Keys the server makes reach the user in a PFX protected by their password, with the chain. */
class GeneratedKeyTest {

    private static final String PASSWORD = "Tr0ub4dor&3 correct horse";
    private static EmbeddedCertificateAuthority ca;
    private static CaCertificates authority;

    private final CertificateSettings serverKeys =
            CertificateSettings.builder().keyGeneration(KeyGeneration.SERVER).build();

    @BeforeAll
    static void startCa() {
        ca = TestCa.shared();
        authority = ca.caCertificates();
    }

    @Test
    void serverMadeEcKeyComesInAPfxThatOpensWithThePasswordAndHoldsKeyAndChain() throws Exception {
        IssuedKeyPair issued =
                ca.issueWithGeneratedKey(TestCa.ann(), serverKeys, PfxPassword.of(PASSWORD, "pfxpassword"));

        TestPfx pfx = TestPfx.open(issued.pfx(), PASSWORD);
        X509Certificate certificate = pfx.chain().get(0);
        assertArrayEquals(issued.certificate().der(), certificate.getEncoded());
        assertEquals(3, pfx.chain().size(), "certificate, issuing CA, root");
        assertArrayEquals(authority.issuing().der(), pfx.chain().get(1).getEncoded());
        assertArrayEquals(authority.root().der(), pfx.chain().get(2).getEncoded());
        assertTrue(Bc.matches(pfx.key(), certificate.getPublicKey()), "the key belongs to the certificate");
        assertEquals(
                256, ((ECPrivateKey) pfx.key()).getParams().getOrder().bitLength(), "EC P-256, the template's key");
        assertEquals("ann smith", pfx.alias(), "the friendly name is the user's display name");
        assertEquals("CN=ann", issued.certificate().subject());
        assertTrue(issued.archivedKey().isEmpty(), "the template does not archive keys");
    }

    @Test
    void pfxIsEncryptedWithAesAndMacedWithSha256() throws IOException {
        IssuedKeyPair issued =
                ca.issueWithGeneratedKey(TestCa.ann(), serverKeys, PfxPassword.of(PASSWORD, "pfxpassword"));
        PKCS12PfxPdu pdu = new PKCS12PfxPdu(issued.pfx());
        assertTrue(pdu.hasMac());
        assertEquals(
                "2.16.840.1.101.3.4.2.1", pdu.getMacAlgorithmID().getAlgorithm().getId(), "SHA-256 MAC");
        assertEquals(
                Pkcs12.ITERATIONS,
                pdu.toASN1Structure().getMacData().getIterationCount().intValue());
    }

    @Test
    void pfxDoesNotOpenWithAnotherPassword() {
        IssuedKeyPair issued =
                ca.issueWithGeneratedKey(TestCa.ann(), serverKeys, PfxPassword.of(PASSWORD, "pfxpassword"));
        assertThrows(IOException.class, () -> TestPfx.open(issued.pfx(), PASSWORD + "x"));
    }

    @Test
    void serverMadeRsaKeyHasTheTemplatesSizeAndMayEncipherKeys() throws Exception {
        CertificateSettings rsa =
                serverKeys.toBuilder().keyType(KeyType.rsa(2048)).build();
        IssuedKeyPair issued = ca.issueWithGeneratedKey(TestCa.ann(), rsa, PfxPassword.of(PASSWORD, "pfxpassword"));

        TestPfx pfx = TestPfx.open(issued.pfx(), PASSWORD);
        assertEquals(2048, ((RSAPrivateKey) pfx.key()).getModulus().bitLength());
        assertTrue(pfx.chain().get(0).getKeyUsage()[2], "key encipherment for an RSA key");
    }

    @Test
    void thePasswordIsWipedOnceUsed() {
        PfxPassword password = PfxPassword.of(PASSWORD, "pfxpassword");
        ca.issueWithGeneratedKey(
                TestCa.ann(),
                serverKeys.toBuilder().keyType(KeyType.ec(EcCurve.P384)).build(),
                password);
        assertArrayEquals(new char[PASSWORD.length()], password.chars());
    }

    @Test
    void templateWhereClientsMakeKeysRefusesToGenerateOne() {
        Invalid refused = assertThrows(
                Invalid.class,
                () -> ca.issueWithGeneratedKey(
                        TestCa.ann(), CertificateSettings.defaults(), PfxPassword.of(PASSWORD, "pfxpassword")));
        assertEquals("key_generated_by_client", refused.code());
    }
}
