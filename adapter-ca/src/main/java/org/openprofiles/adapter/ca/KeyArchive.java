package org.openprofiles.adapter.ca;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Collection;
import java.util.Map;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cms.CMSAlgorithm;
import org.bouncycastle.cms.CMSEnvelopedData;
import org.bouncycastle.cms.CMSEnvelopedDataGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.RecipientInformation;
import org.bouncycastle.cms.jcajce.JceCMSContentEncryptorBuilder;
import org.bouncycastle.cms.jcajce.JceKeyTransEnvelopedRecipient;
import org.bouncycastle.cms.jcajce.JceKeyTransRecipientInfoGenerator;
import org.bouncycastle.operator.jcajce.JcaAlgorithmParametersConverter;
import org.openprofiles.domain.certificate.pki.ArchivedKey;
import org.openprofiles.domain.certificate.pki.CertificateAuthorityUnavailable;

/**
 * Archives server-generated private keys for recovery: the PKCS#8 key inside a CMS EnvelopedData
 * (RFC 5652), content encrypted with AES-256-CBC under a fresh key, that key wrapped with
 * RSA-OAEP (SHA-256) to the key-recovery key. {@code openssl cms -decrypt} opens it too, given
 * the key-recovery key.
 */
final class KeyArchive {

    private KeyArchive() {
    }

    static ArchivedKey archive(PrivateKey key, KeyRecoveryKey recovery) {
        try {
            OAEPParameterSpec oaep = new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256,
                    PSource.PSpecified.DEFAULT);
            CMSEnvelopedDataGenerator generator = new CMSEnvelopedDataGenerator();
            generator.addRecipientInfoGenerator(new JceKeyTransRecipientInfoGenerator(recovery.certificate(),
                    new JcaAlgorithmParametersConverter().getAlgorithmIdentifier(PKCSObjectIdentifiers.id_RSAES_OAEP, oaep))
                    .setProvider(Bc.PROVIDER));
            CMSEnvelopedData envelope = generator.generate(new CMSProcessableByteArray(key.getEncoded()),
                    new JceCMSContentEncryptorBuilder(CMSAlgorithm.AES256_CBC).setProvider(Bc.PROVIDER).build());
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
            Collection<RecipientInformation> recipients = new CMSEnvelopedData(archived.envelope()).getRecipientInfos()
                    .getRecipients();
            for (RecipientInformation recipient : recipients) {
                if (recipient.getRID().match(recovery.holder())) {
                    byte[] pkcs8 = recipient.getContent(new JceKeyTransEnvelopedRecipient(recovery.key()).setProvider(Bc.PROVIDER));
                    PrivateKeyInfo info = PrivateKeyInfo.getInstance(pkcs8);
                    String algorithm = info.getPrivateKeyAlgorithm().getAlgorithm().equals(PKCSObjectIdentifiers.rsaEncryption)
                            ? "RSA" : "EC";
                    return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
                }
            }
        } catch (CMSException | GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException("the archived key does not open with its key-recovery key");
        }
        throw new IllegalArgumentException("the archived key is not encrypted to the key-recovery key it names");
    }
}
