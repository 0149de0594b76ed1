package org.openprofiles.adapter.ca;

import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * An existing CA keystore as an operator would bring it, made here without the adapter's own
 * code: a root and issuing CAs under it, their keys in a PKCS#12 file under chosen aliases.
 */
final class OperatorKeystore {

    private final KeyPair rootKeys = TestRequests.ecKeys("secp384r1");
    private final X509Certificate root;
    private final List<Object[]> entries = new ArrayList<>();

    OperatorKeystore() throws Exception {
        root = certificate(
                new X500Name("O=Example,CN=Operator Root CA"),
                rootKeys,
                null,
                rootKeys.getPrivate(),
                Duration.ofDays(3650),
                -1);
    }

    /** Adds an issuing CA valid for {@code validity}; {@code withRoot} false leaves the root out of its chain. */
    OperatorKeystore issuing(String alias, Duration validity, boolean withRoot) throws Exception {
        KeyPair keys = TestRequests.ecKeys("secp256r1");
        X509Certificate certificate = certificate(
                new X500Name("O=Example,CN=Operator Issuing CA " + alias),
                keys,
                root,
                rootKeys.getPrivate(),
                validity,
                0);
        entries.add(new Object[] {
            alias,
            keys.getPrivate(),
            withRoot ? new X509Certificate[] {certificate, root} : new X509Certificate[] {certificate}
        });
        return this;
    }

    X509Certificate root() {
        return root;
    }

    Path write(Path file, String password) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        for (Object[] entry : entries) {
            store.setKeyEntry(
                    (String) entry[0], (PrivateKey) entry[1], password.toCharArray(), (X509Certificate[]) entry[2]);
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, password.toCharArray());
        }
        return file;
    }

    private static X509Certificate certificate(
            X500Name subject,
            KeyPair keys,
            X509Certificate issuer,
            PrivateKey signer,
            Duration validity,
            int pathLength)
            throws Exception {
        Instant now = Instant.now();
        JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
        JcaX509v3CertificateBuilder builder = issuer == null
                ? new JcaX509v3CertificateBuilder(
                        subject,
                        BigInteger.valueOf(now.toEpochMilli()),
                        Date.from(now.minusSeconds(60)),
                        Date.from(now.plus(validity)),
                        subject,
                        keys.getPublic())
                : new JcaX509v3CertificateBuilder(
                        issuer,
                        BigInteger.valueOf(now.toEpochMilli() + 1),
                        Date.from(now.minusSeconds(60)),
                        Date.from(now.plus(validity)),
                        subject,
                        keys.getPublic());
        builder.addExtension(
                Extension.basicConstraints,
                true,
                pathLength < 0 ? new BasicConstraints(true) : new BasicConstraints(pathLength));
        builder.addExtension(
                Extension.keyUsage,
                true,
                new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature));
        builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(keys.getPublic()));
        if (issuer != null) {
            builder.addExtension(Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(issuer));
        }
        return TestCa.certificate(builder.build(new JcaContentSignerBuilder("SHA384withECDSA").build(signer))
                .getEncoded());
    }
}
