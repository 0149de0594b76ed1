package org.openprofiles.adapter.ca;

import java.io.IOException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.util.List;
import org.bouncycastle.asn1.DERBMPString;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.OutputEncryptor;
import org.bouncycastle.pkcs.PKCS12PfxPduBuilder;
import org.bouncycastle.pkcs.PKCS12SafeBag;
import org.bouncycastle.pkcs.PKCS12SafeBagBuilder;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.jcajce.JcaPKCS12SafeBagBuilder;
import org.bouncycastle.pkcs.jcajce.JcePKCS12MacCalculatorBuilder;
import org.bouncycastle.pkcs.jcajce.JcePKCSPBEOutputEncryptorBuilder;

/**
 * Writes PFX files (PKCS#12) for users: the private key in a shrouded key bag and the certificate
 * chain, both encrypted with PBES2 (PBKDF2-HMAC-SHA256, AES-256-CBC), integrity by an HMAC-SHA256
 * MAC. Windows 10 (1709) and later, macOS, OpenSSL 1.1+ and Java 8u301+ read these.
 */
final class Pkcs12 {

    /** PBKDF2 and MAC iterations: Java's default since JDK 17 (OpenSSL 3 uses 2048). */
    static final int ITERATIONS = 10_000;

    private Pkcs12() {}

    /**
     * A PFX with {@code key}, its certificate {@code chain.get(0)} and the CA certificates after it,
     * protected by {@code password}; the key and the end-entity certificate carry {@code friendlyName}
     * and a shared local key id, so importers pair them.
     */
    static byte[] write(
            PrivateKey key,
            List<X509CertificateHolder> chain,
            String friendlyName,
            char[] password,
            SecureRandom random) {
        try {
            byte[] localKeyId = Bc.keyIdentifier(chain.get(0).getSubjectPublicKeyInfo());
            PKCS12SafeBag[] certificates = new PKCS12SafeBag[chain.size()];
            for (int i = 0; i < chain.size(); i++) {
                PKCS12SafeBagBuilder bag = new PKCS12SafeBagBuilder(chain.get(i));
                if (i == 0) {
                    label(bag, friendlyName, localKeyId);
                }
                certificates[i] = bag.build();
            }
            PKCS12SafeBagBuilder keyBag = new JcaPKCS12SafeBagBuilder(key, encryptor(password, random));
            label(keyBag, friendlyName, localKeyId);
            return new PKCS12PfxPduBuilder()
                    .addEncryptedData(encryptor(password, random), certificates)
                    .addData(keyBag.build())
                    .build(
                            new JcePKCS12MacCalculatorBuilder(NISTObjectIdentifiers.id_sha256)
                                    .setProvider(Bc.PROVIDER)
                                    .setIterationCount(ITERATIONS),
                            password)
                    .getEncoded();
        } catch (IOException | PKCSException | OperatorCreationException e) {
            throw new IllegalStateException("the PFX could not be built", e);
        }
    }

    private static void label(PKCS12SafeBagBuilder bag, String friendlyName, byte[] localKeyId) {
        bag.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_friendlyName, new DERBMPString(friendlyName));
        bag.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_localKeyId, new DEROctetString(localKeyId));
    }

    /** A fresh encryptor (own salt and IV) for each encrypted part. */
    private static OutputEncryptor encryptor(char[] password, SecureRandom random) throws OperatorCreationException {
        return new JcePKCSPBEOutputEncryptorBuilder(NISTObjectIdentifiers.id_aes256_CBC)
                .setPRF(new AlgorithmIdentifier(PKCSObjectIdentifiers.id_hmacWithSHA256, DERNull.INSTANCE))
                .setIterationCount(ITERATIONS)
                .setRandom(random)
                .setProvider(Bc.PROVIDER)
                .build(password);
    }
}
