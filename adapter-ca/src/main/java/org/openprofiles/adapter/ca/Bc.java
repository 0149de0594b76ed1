package org.openprofiles.adapter.ca;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.openprofiles.domain.certificate.pki.DistinguishedName;
import org.openprofiles.domain.certificate.pki.IssuerId;
import org.openprofiles.domain.certificate.pki.KeyAlgorithm;
import org.openprofiles.domain.certificate.pki.KeyType;
import org.openprofiles.domain.certificate.pki.SignatureHash;
import org.openprofiles.domain.certificate.pki.SubjectAttribute;

/**
 * The BouncyCastle provider this adapter uses (one instance, never installed in the JVM-wide
 * provider list, so nothing else changes behaviour) and the small conversions every part needs.
 */
final class Bc {

    static final Provider PROVIDER = new BouncyCastleProvider();

    private static final JcaX509CertificateConverter CERTIFICATES =
            new JcaX509CertificateConverter().setProvider(PROVIDER);

    private Bc() {}

    /** A signer with {@code key}: ECDSA or RSA (PKCS#1 v1.5, the widest supported) with {@code hash}. */
    static ContentSigner signer(PrivateKey key, SignatureHash hash) {
        String algorithm = hash.name() + ("EC".equals(key.getAlgorithm()) ? "withECDSA" : "withRSA");
        try {
            return new JcaContentSignerBuilder(algorithm).setProvider(PROVIDER).build(key);
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("no " + algorithm + " signer", e);
        }
    }

    static DigestCalculatorProvider digests() {
        try {
            return new JcaDigestCalculatorProviderBuilder()
                    .setProvider(PROVIDER)
                    .build();
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("no digest calculators", e);
        }
    }

    static X509Certificate certificate(X509CertificateHolder holder) {
        try {
            return CERTIFICATES.getCertificate(holder);
        } catch (CertificateException e) {
            throw new IllegalStateException("a certificate just built does not convert", e);
        }
    }

    static X509CertificateHolder holder(X509Certificate certificate) {
        try {
            return new JcaX509CertificateHolder(certificate);
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("not an encodable certificate", e);
        }
    }

    /** Parses a DER certificate, or {@link IllegalArgumentException}. */
    static X509CertificateHolder holder(byte[] der) {
        try {
            return new X509CertificateHolder(der);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not a DER certificate");
        }
    }

    static byte[] encoded(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("a certificate does not encode", e);
        }
    }

    /** The subject key identifier a certificate carries, or (lacking one) the one RFC 5280 4.2.1.2 method 1 derives. */
    static byte[] keyIdentifier(X509CertificateHolder certificate) {
        SubjectKeyIdentifier ski = SubjectKeyIdentifier.fromExtensions(certificate.getExtensions());
        return ski != null ? ski.getKeyIdentifier() : keyIdentifier(certificate.getSubjectPublicKeyInfo());
    }

    /** SHA-1 of the public key's bits (RFC 5280 4.2.1.2 method 1): identifies keys, secures nothing. */
    static byte[] keyIdentifier(SubjectPublicKeyInfo key) {
        try {
            return MessageDigest.getInstance("SHA-1")
                    .digest(key.getPublicKeyData().getBytes());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-1", e);
        }
    }

    static IssuerId issuerId(X509CertificateHolder certificate) {
        return IssuerId.of(keyIdentifier(certificate));
    }

    /** The key identifier of the CA that signed {@code certificate}, when it names one. */
    static byte[] authorityKeyIdentifier(X509CertificateHolder certificate) {
        Extension extension = certificate.getExtension(Extension.authorityKeyIdentifier);
        if (extension == null) {
            return null;
        }
        return AuthorityKeyIdentifier.getInstance(extension.getParsedValue()).getKeyIdentifier();
    }

    /**
     * A new key pair of {@code type}: EC keys from BouncyCastle (its EC arithmetic is several times
     * faster than Java 17's SunEC), RSA keys from the JDK (its prime search takes about two thirds
     * of BouncyCastle's CPU time).
     */
    static KeyPair generate(KeyType type, SecureRandom random) {
        try {
            KeyPairGenerator generator;
            if (type.algorithm() == KeyAlgorithm.EC) {
                generator = KeyPairGenerator.getInstance("EC", PROVIDER);
                generator.initialize(new ECGenParameterSpec(type.curve().secName()), random);
            } else {
                generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(type.size(), random);
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate " + type + " keys", e);
        }
    }

    /** A subject as the domain sees it: each attribute type and value, in encoding order. */
    static DistinguishedName distinguishedName(X500Name name) {
        List<SubjectAttribute> attributes = new ArrayList<>();
        for (RDN rdn : name.getRDNs()) {
            for (AttributeTypeAndValue value : rdn.getTypesAndValues()) {
                attributes.add(new SubjectAttribute(value.getType().getId(), text(value.getValue())));
            }
        }
        return new DistinguishedName(attributes);
    }

    /** A string value as text; anything else as "#" and its DER in hex, as RFC 4514 writes it. */
    static String text(ASN1Encodable value) {
        if (value instanceof ASN1String string) {
            return string.getString();
        }
        try {
            return "#" + HexFormat.of().formatHex(value.toASN1Primitive().getEncoded());
        } catch (IOException e) {
            throw new IllegalArgumentException("value does not encode", e);
        }
    }

    /**
     * The same private key as a BouncyCastle key object, so that signing with it does not convert
     * a JDK key on every signature.
     */
    static PrivateKey ownKey(PrivateKey key) {
        try {
            return KeyFactory.getInstance(key.getAlgorithm(), PROVIDER)
                    .generatePrivate(new PKCS8EncodedKeySpec(key.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a " + key.getAlgorithm() + " key does not convert", e);
        }
    }

    /** The key signs what the public key verifies: they are one pair. */
    static boolean matches(PrivateKey key, PublicKey publicKey) {
        String algorithm = "EC".equals(key.getAlgorithm()) ? "SHA256withECDSA" : "SHA256withRSA";
        byte[] message = "openprofiles key pair check".getBytes(StandardCharsets.US_ASCII);
        try {
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(message);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(publicKey);
            verifier.update(message);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** The hash a CA key signs its own products with: as strong as the key (SHA-384 for P-384, SHA-512 for P-521). */
    static SignatureHash hashFor(PrivateKey key) {
        if (key instanceof ECPrivateKey ec) {
            int bits = ec.getParams().getOrder().bitLength();
            return bits > 384 ? SignatureHash.SHA512 : bits > 256 ? SignatureHash.SHA384 : SignatureHash.SHA256;
        }
        return SignatureHash.SHA256;
    }

    static Date date(Instant instant) {
        return Date.from(instant);
    }
}
