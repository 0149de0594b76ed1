package org.openprofiles.adapter.ca;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Collection;
import java.util.Map;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cms.CMSAlgorithm;
import org.bouncycastle.cms.CMSEnvelopedData;
import org.bouncycastle.cms.CMSEnvelopedDataGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.RecipientInformation;
import org.bouncycastle.cms.jcajce.JceCMSContentEncryptorBuilder;
import org.bouncycastle.cms.jcajce.JceKeyAgreeEnvelopedRecipient;
import org.bouncycastle.cms.jcajce.JceKeyAgreeRecipientInfoGenerator;
import org.openprofiles.domain.certificate.pki.ArchivedKey;
import org.openprofiles.domain.certificate.pki.CertificateAuthorityUnavailable;
import org.openprofiles.domain.certificate.pki.EcCurve;
import org.openprofiles.domain.certificate.pki.KeyType;

/**
 * Archives server-generated private keys for recovery: the PKCS#8 key inside a CMS EnvelopedData
 * (RFC 5652), content encrypted with AES-256-CBC under a fresh key, that key wrapped (AES-256 key
 * wrap) under a key agreed by ephemeral-static ECDH on P-384 with the key-recovery key (RFC 5753,
 * SHA-384 KDF). A fresh ephemeral key per archive; {@code openssl cms -decrypt} opens it too,
 * given the key-recovery key.
 */
final class KeyArchive {

    private KeyArchive() {}

    static ArchivedKey archive(PrivateKey key, KeyRecoveryKey recovery, SecureRandom random) {
        try {
            KeyPair ephemeral = Bc.generate(KeyType.ec(EcCurve.P384), random);
            CMSEnvelopedDataGenerator generator = new CMSEnvelopedDataGenerator();
            generator.addRecipientInfoGenerator(new JceKeyAgreeRecipientInfoGenerator(
                            CMSAlgorithm.ECDH_SHA384KDF,
                            ephemeral.getPrivate(),
                            ephemeral.getPublic(),
                            CMSAlgorithm.AES256_WRAP)
                    .addRecipient(recovery.certificate())
                    .setSecureRandom(random)
                    .setProvider(Bc.PROVIDER));
            CMSEnvelopedData envelope = generator.generate(
                    new CMSProcessableByteArray(key.getEncoded()),
                    new JceCMSContentEncryptorBuilder(CMSAlgorithm.AES256_CBC)
                            .setSecureRandom(random)
                            .setProvider(Bc.PROVIDER)
                            .build());
            return new ArchivedKey(recovery.id(), envelope.getEncoded());
        } catch (GeneralSecurityException | CMSException | IOException e) {
            throw new IllegalStateException("the key could not be archived", e);
        }
    }

    /**
     * Opens an archive with the key-recovery key it names.
     *
     * @throws CertificateAuthorityUnavailable when that key-recovery key is not here
     * @throws IllegalArgumentException when the archive does not open
     */
    static PrivateKey open(ArchivedKey archived, Map<String, KeyRecoveryKey> recoveryKeys) {
        KeyRecoveryKey recovery = recoveryKeys.get(archived.recoveryKeyId());
        if (recovery == null) {
            throw new CertificateAuthorityUnavailable("the key-recovery key " + archived.recoveryKeyId()
                    + " this key was archived to is not in the key-recovery keystore");
        }
        try {
            Collection<RecipientInformation> recipients = new CMSEnvelopedData(archived.envelope())
                    .getRecipientInfos()
                    .getRecipients();
            for (RecipientInformation recipient : recipients) {
                if (recipient.getRID().match(recovery.holder())) {
                    byte[] pkcs8 = recipient.getContent(
                            new JceKeyAgreeEnvelopedRecipient(recovery.key()).setProvider(Bc.PROVIDER));
                    PrivateKeyInfo info = PrivateKeyInfo.getInstance(pkcs8);
                    String algorithm =
                            info.getPrivateKeyAlgorithm().getAlgorithm().equals(PKCSObjectIdentifiers.rsaEncryption)
                                    ? "RSA"
                                    : "EC";
                    return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
                }
            }
        } catch (CMSException | GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException("the archived key does not open with its key-recovery key");
        }
        throw new IllegalArgumentException("the archived key is not encrypted to the key-recovery key it names");
    }
}
