package org.openprofiles.adapter.ca;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import org.bouncycastle.cms.CMSAlgorithm;
import org.bouncycastle.cms.CMSEnvelopedData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openprofiles.domain.certificate.pki.ArchivedKey;
import org.openprofiles.domain.certificate.pki.CertificateAuthorityUnavailable;
import org.openprofiles.domain.certificate.pki.CertificateSettings;
import org.openprofiles.domain.certificate.pki.IssuedKeyPair;
import org.openprofiles.domain.certificate.pki.KeyGeneration;
import org.openprofiles.domain.certificate.pki.KeyType;
import org.openprofiles.domain.certificate.pki.PfxPassword;

/** Archived server-made keys are unreadable without the key-recovery key, and come back whole in a new PFX. */
class KeyArchiveTest {

    private static EmbeddedCertificateAuthority ca;
    private static final CertificateSettings ARCHIVING = CertificateSettings.builder()
            .keyGeneration(KeyGeneration.SERVER)
            .archiveKeys(true)
            .build();

    @BeforeAll
    static void startCa() {
        ca = TestCa.shared();
    }

    @Test
    void archivedKeyIsRecoveredIntoANewPfxWithItsCertificateAndChain() throws Exception {
        IssuedKeyPair issued =
                ca.issueWithGeneratedKey(TestCa.ann(), ARCHIVING, PfxPassword.of("first password", "pfxpassword"));
        ArchivedKey archived = issued.archivedKey().orElseThrow();
        TestPfx original = TestPfx.open(issued.pfx(), "first password");

        byte[] recovered =
                ca.recoverKey(archived, issued.certificate().der(), PfxPassword.of("second password", "pfxpassword"));

        TestPfx pfx = TestPfx.open(recovered, "second password");
        assertArrayEquals(original.key().getEncoded(), pfx.key().getEncoded());
        assertArrayEquals(issued.certificate().der(), pfx.chain().get(0).getEncoded());
        assertEquals(3, pfx.chain().size());
    }

    @Test
    void archiveIsAnEnvelopeToTheKeyRecoveryKeyWithoutTheKeyInClear() throws Exception {
        CertificateSettings rsa =
                ARCHIVING.toBuilder().keyType(KeyType.rsa(2048)).build();
        IssuedKeyPair issued = ca.issueWithGeneratedKey(TestCa.ann(), rsa, PfxPassword.of("pw", "pfxpassword"));
        ArchivedKey archived = issued.archivedKey().orElseThrow();
        byte[] key = TestPfx.open(issued.pfx(), "pw").key().getEncoded();

        CMSEnvelopedData envelope = new CMSEnvelopedData(archived.envelope());
        assertEquals(CMSAlgorithm.AES256_CBC.getId(), envelope.getEncryptionAlgOID());
        assertEquals(1, envelope.getRecipientInfos().size());
        assertEquals(
                CMSAlgorithm.ECDH_SHA384KDF.getId(),
                envelope.getRecipientInfos().getRecipients().iterator().next().getKeyEncryptionAlgOID());
        assertFalse(
                contains(archived.envelope(), java.util.Arrays.copyOfRange(key, key.length - 64, key.length)),
                "no part of the private key in clear");
        assertEquals(
                ca.caCertificates().issuing().id().value().length(),
                archived.recoveryKeyId().length());
    }

    @Test
    void archiveSurvivesARestart() throws Exception {
        IssuedKeyPair issued = ca.issueWithGeneratedKey(TestCa.ann(), ARCHIVING, PfxPassword.of("pw", "pfxpassword"));
        EmbeddedCertificateAuthority restarted = new EmbeddedCertificateAuthority(
                EmbeddedCaSettings.embedded(TestCa.sharedDirectory(), TestCa.BASE_URL), Clock.systemUTC());

        byte[] recovered = restarted.recoverKey(
                issued.archivedKey().orElseThrow(), issued.certificate().der(), PfxPassword.of("pw", "pfxpassword"));

        assertArrayEquals(
                TestPfx.open(issued.pfx(), "pw").key().getEncoded(),
                TestPfx.open(recovered, "pw").key().getEncoded());
    }

    @Test
    void keyIsNotRecoveredUnderAnotherCertificate() {
        IssuedKeyPair first = ca.issueWithGeneratedKey(TestCa.ann(), ARCHIVING, PfxPassword.of("pw", "pfxpassword"));
        IssuedKeyPair second = ca.issueWithGeneratedKey(TestCa.ann(), ARCHIVING, PfxPassword.of("pw", "pfxpassword"));

        assertThrows(
                IllegalArgumentException.class,
                () -> ca.recoverKey(
                        first.archivedKey().orElseThrow(),
                        second.certificate().der(),
                        PfxPassword.of("pw", "pfxpassword")));
    }

    @Test
    void alteredArchiveDoesNotOpen() {
        IssuedKeyPair issued = ca.issueWithGeneratedKey(TestCa.ann(), ARCHIVING, PfxPassword.of("pw", "pfxpassword"));
        ArchivedKey archived = issued.archivedKey().orElseThrow();
        byte[] envelope = archived.envelope();
        envelope[envelope.length - 20] ^= 0x40;

        assertThrows(
                IllegalArgumentException.class,
                () -> ca.recoverKey(
                        new ArchivedKey(archived.recoveryKeyId(), envelope),
                        issued.certificate().der(),
                        PfxPassword.of("pw", "pfxpassword")));
    }

    @Test
    void archiveToAKeyRecoveryKeyThatIsNotHereCannotBeOpened() {
        IssuedKeyPair issued = ca.issueWithGeneratedKey(TestCa.ann(), ARCHIVING, PfxPassword.of("pw", "pfxpassword"));
        ArchivedKey toAnotherKey = new ArchivedKey(
                "00ff00ff00ff00ff", issued.archivedKey().orElseThrow().envelope());

        CertificateAuthorityUnavailable refused = assertThrows(
                CertificateAuthorityUnavailable.class,
                () -> ca.recoverKey(toAnotherKey, issued.certificate().der(), PfxPassword.of("pw", "pfxpassword")));
        assertTrue(refused.getMessage().contains("00ff00ff00ff00ff"));
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
