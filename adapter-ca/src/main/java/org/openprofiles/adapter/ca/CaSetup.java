package org.openprofiles.adapter.ca;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.spec.PBEParameterSpec;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.openprofiles.domain.certificate.pki.PkiLocations;
import org.openprofiles.domain.certificate.pki.SerialNumber;
import org.openprofiles.domain.certificate.pki.SignatureHash;

/**
 * Makes the embedded CA's keys: the root and first issuing CA on first start, a new issuing CA on
 * rotation, and the key-recovery key. Each is put into a PKCS#12 keystore whose entries are
 * encrypted with the keystore password (PBES2, PBKDF2-HMAC-SHA256, AES-256).
 */
final class CaSetup {

    static final Duration ROOT_VALIDITY = Duration.ofDays(20 * 365 + 5);
    static final Duration ISSUING_VALIDITY = Duration.ofDays(10 * 365 + 2);
    static final Duration RECOVERY_VALIDITY = Duration.ofDays(20 * 365 + 5);
    /** Keystore entries are protected with this iteration count (PBKDF2); they are read once per start. */
    private static final int KEYSTORE_ITERATIONS = 100_000;

    private final SecureRandom random;

    CaSetup(SecureRandom random) {
        this.random = random;
    }

    /** A keystore with a new root ("root") and an issuing CA under it ("issuing"). */
    KeyStore newCa(CaKeyAlgorithm algorithm, String caName, PkiLocations locations, Instant now, char[] password) {
        KeyPair rootKeys = generate(algorithm);
        SubjectPublicKeyInfo rootKey = CertificateMaker.keyInfo(rootKeys.getPublic());
        X500Name rootName = name(caName, caName + " Root CA " + shortId(rootKey));
        X509CertificateHolder root = CertificateMaker.root(
                rootName,
                rootKey,
                Bc.signer(rootKeys.getPrivate(), algorithm.hash()),
                SerialNumber.random(random),
                now,
                ROOT_VALIDITY);
        CaSigner rootSigner = new CaSigner(CaKeys.ROOT_ALIAS, Bc.issuerId(root), rootKeys.getPrivate(), List.of(root));
        KeyStore store = emptyStore();
        put(store, CaKeys.ROOT_ALIAS, rootSigner, password);
        put(store, CaKeys.ISSUING_ALIAS, newIssuing(rootSigner, algorithm, caName, locations, now), password);
        return store;
    }

    /** A new issuing CA under {@code root}, with the root's key algorithm. */
    CaSigner newIssuing(CaSigner root, CaKeyAlgorithm algorithm, String caName, PkiLocations locations, Instant now) {
        KeyPair keys = generate(algorithm);
        SubjectPublicKeyInfo key = CertificateMaker.keyInfo(keys.getPublic());
        X509CertificateHolder certificate = CertificateMaker.issuingCa(
                name(caName, caName + " Issuing CA " + shortId(key)),
                key,
                root,
                algorithm.hash(),
                SerialNumber.random(random),
                now,
                ISSUING_VALIDITY,
                locations);
        return new CaSigner(
                CaKeys.ISSUING_ALIAS,
                Bc.issuerId(certificate),
                keys.getPrivate(),
                List.of(certificate, root.certificate()));
    }

    /** A keystore with a new EC P-384 key-recovery key ("key-recovery") and its self-signed certificate. */
    KeyStore newRecovery(String caName, Instant now, char[] password) {
        KeyPair keys = generate(CaKeyAlgorithm.EC_P384);
        SubjectPublicKeyInfo key = CertificateMaker.keyInfo(keys.getPublic());
        X509CertificateHolder certificate = CertificateMaker.keyRecovery(
                name(caName, caName + " Key Recovery " + shortId(key)),
                key,
                Bc.signer(keys.getPrivate(), SignatureHash.SHA384),
                SerialNumber.random(random),
                now,
                RECOVERY_VALIDITY);
        KeyStore store = emptyStore();
        put(
                store,
                CaKeys.RECOVERY_ALIAS,
                new CaSigner(CaKeys.RECOVERY_ALIAS, Bc.issuerId(certificate), keys.getPrivate(), List.of(certificate)),
                password);
        return store;
    }

    /** The alias an issuing CA is kept under once a newer one took its place. */
    static String retiredAlias(CaSigner issuing, Instant now) {
        return CaKeys.ISSUING_ALIAS + "-"
                + DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss")
                        .withZone(ZoneOffset.UTC)
                        .format(now) + "-" + issuing.id().value().substring(0, 8);
    }

    void put(KeyStore store, String alias, CaSigner signer, char[] password) {
        try {
            X509Certificate[] chain =
                    signer.chain().stream().map(Bc::certificate).toArray(X509Certificate[]::new);
            byte[] salt = new byte[16];
            random.nextBytes(salt);
            store.setEntry(
                    alias,
                    new KeyStore.PrivateKeyEntry(signer.key(), chain),
                    new KeyStore.PasswordProtection(
                            password, "PBEWithHmacSHA256AndAES_256", new PBEParameterSpec(salt, KEYSTORE_ITERATIONS)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a CA key cannot be put into its keystore", e);
        }
    }

    static KeyStore emptyStore() {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            return store;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("no PKCS12 keystores in this Java runtime", e);
        }
    }

    private KeyPair generate(CaKeyAlgorithm algorithm) {
        return Bc.generate(algorithm.keyType(), random);
    }

    private static X500Name name(String organization, String commonName) {
        return new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.O, organization)
                .addRDN(BCStyle.CN, commonName)
                .build();
    }

    /** Six hex digits of the key's identifier: tells two installations' CAs apart by name. */
    private static String shortId(SubjectPublicKeyInfo key) {
        return HexFormat.of().formatHex(Bc.keyIdentifier(key), 0, 3);
    }
}
