package org.openprofiles.bootstrap;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/**
 * What a client does with keys in the end-to-end tests: makes key pairs and PKCS#10 requests (with
 * the JDK's keys and BouncyCastle's request builder, as a Java client would), and opens what the
 * server hands back (certs-only PKCS#7, PFX).
 */
final class TestCsrs {

    private static final SecureRandom RANDOM = new SecureRandom();

    private TestCsrs() {}

    static KeyPair ec(String curve) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec(curve), RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static KeyPair rsa(int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(bits, RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A PKCS#10 request for {@code keys} with {@code subject} (may be empty), base64 as the vendor's clients send it. */
    static String csr(KeyPair keys, String subject) {
        return Base64.getEncoder().encodeToString(der(keys, subject, null, false));
    }

    /** A request that also asks for a DNS name the templates never grant. */
    static String csrAskingForDnsName(KeyPair keys, String subject, String dnsName) {
        return Base64.getEncoder()
                .encodeToString(
                        der(keys, subject, new GeneralNames(new GeneralName(GeneralName.dNSName, dnsName)), false));
    }

    /** A request whose signature no longer matches (one bit flipped after signing). */
    static String tamperedCsr(KeyPair keys, String subject) {
        return Base64.getEncoder().encodeToString(der(keys, subject, null, true));
    }

    private static byte[] der(KeyPair keys, String subject, GeneralNames alternativeNames, boolean tamper) {
        try {
            JcaPKCS10CertificationRequestBuilder builder =
                    new JcaPKCS10CertificationRequestBuilder(new X500Name(subject), keys.getPublic());
            if (alternativeNames != null) {
                ExtensionsGenerator extensions = new ExtensionsGenerator();
                extensions.addExtension(Extension.subjectAlternativeName, false, alternativeNames);
                builder.addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, extensions.generate());
            }
            String algorithm = keys.getPrivate().getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
            byte[] der = builder.build(new JcaContentSignerBuilder(algorithm).build(keys.getPrivate()))
                    .getEncoded();
            if (tamper) {
                der[der.length - 5] ^= 0x01;
            }
            return der;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The certificates of a certs-only PKCS#7 (base64), leaf first as the server orders them. */
    static List<X509Certificate> pkcs7(String base64) {
        try {
            CMSSignedData signed = new CMSSignedData(Base64.getDecoder().decode(base64));
            List<X509Certificate> certificates = new ArrayList<>();
            for (X509CertificateHolder holder : signed.getCertificates().getMatches(null)) {
                certificates.add(certificate(holder.getEncoded()));
            }
            return certificates;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static X509Certificate certificate(byte[] der) {
        try {
            return (X509Certificate)
                    CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A PFX (base64) opened with {@code password}: its one key and its certificate chain. */
    record Pfx(PrivateKey key, List<X509Certificate> chain) {}

    static Pfx pfx(String base64, String password) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(new ByteArrayInputStream(Base64.getDecoder().decode(base64)), password.toCharArray());
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    List<X509Certificate> chain = new ArrayList<>();
                    for (var certificate : store.getCertificateChain(alias)) {
                        chain.add((X509Certificate) certificate);
                    }
                    return new Pfx((PrivateKey) store.getKey(alias, password.toCharArray()), chain);
                }
            }
            throw new IllegalStateException("the PFX holds no key");
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
