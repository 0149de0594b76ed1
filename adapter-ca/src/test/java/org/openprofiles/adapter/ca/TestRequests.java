package org.openprofiles.adapter.ca;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.openprofiles.domain.certificate.pki.CertificateSigningRequest;

/** PKCS#10 requests made the way clients make them, with the knobs the tests turn. */
final class TestRequests {

    static final String FIELD = "certificaterequests[0]";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final KeyPair keys;
    private X500Name subject = new X500Name("CN=ann");
    private String signatureAlgorithm;
    private final List<Object[]> extensions = new ArrayList<>();
    private boolean tamper;

    private TestRequests(KeyPair keys) {
        this.keys = keys;
        this.signatureAlgorithm = "EC".equals(keys.getPrivate().getAlgorithm()) ? "SHA256withECDSA" : "SHA256withRSA";
    }

    static TestRequests ec(String curve) {
        return new TestRequests(ecKeys(curve));
    }

    static TestRequests rsa(int bits) {
        return new TestRequests(rsaKeys(bits));
    }

    static TestRequests of(KeyPair keys) {
        return new TestRequests(keys);
    }

    static KeyPair ecKeys(String curve) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec(curve), RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static KeyPair rsaKeys(int bits) {
        try {
            // BouncyCastle also makes keys the JDK refuses to (1024 bits stays allowed in both).
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA", Bc.PROVIDER);
            generator.initialize(new RSAKeyGenParameterSpec(bits, RSAKeyGenParameterSpec.F4), RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    TestRequests subject(String name) {
        subject = new X500Name(name);
        return this;
    }

    TestRequests signedWith(String algorithm) {
        signatureAlgorithm = algorithm;
        return this;
    }

    TestRequests extension(ASN1ObjectIdentifier oid, boolean critical, ASN1Encodable value) {
        extensions.add(new Object[] {oid, critical, value});
        return this;
    }

    /** Flips a bit of the signature, as an attacker who changed the request after signing would. */
    TestRequests tampered() {
        tamper = true;
        return this;
    }

    KeyPair keys() {
        return keys;
    }

    byte[] der() {
        try {
            JcaPKCS10CertificationRequestBuilder builder =
                    new JcaPKCS10CertificationRequestBuilder(subject, keys.getPublic());
            if (!extensions.isEmpty()) {
                ExtensionsGenerator generator = new ExtensionsGenerator();
                for (Object[] extension : extensions) {
                    generator.addExtension(
                            (ASN1ObjectIdentifier) extension[0], (Boolean) extension[1], (ASN1Encodable) extension[2]);
                }
                builder.addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, generator.generate());
            }
            ContentSigner signer = new JcaContentSignerBuilder(signatureAlgorithm)
                    .setProvider(Bc.PROVIDER)
                    .build(keys.getPrivate());
            byte[] der = builder.build(signer).getEncoded();
            if (tamper) {
                der[der.length - 5] ^= 0x01;
            }
            return der;
        } catch (IOException | OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    CertificateSigningRequest request() {
        return new CertificateSigningRequest(der(), FIELD);
    }
}
