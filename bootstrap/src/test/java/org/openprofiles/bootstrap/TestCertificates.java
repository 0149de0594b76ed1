package org.openprofiles.bootstrap;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Keys and certificates for TLS tests, made with the JDK's own {@code keytool} (a real tool, no
 * test doubles): a server certificate for 127.0.0.1, a client CA, and a client certificate it signed.
 */
final class TestCertificates {

    static final String PASSWORD = "changeit-test";

    final Path serverKeystore;
    final Path serverCertificate;
    final Path clientCa;
    final Path clientKeystore;

    private TestCertificates(Path dir) {
        this.serverKeystore = dir.resolve("server.p12");
        this.serverCertificate = dir.resolve("server.pem");
        this.clientCa = dir.resolve("client-ca.pem");
        this.clientKeystore = dir.resolve("client.p12");
    }

    /** Makes everything in {@code dir}; the client certificate names {@code CN=<login>} and {@code <login>@example.org}. */
    static TestCertificates make(Path dir, String login) throws Exception {
        TestCertificates c = new TestCertificates(dir);
        Path ca = dir.resolve("ca.p12");
        Path request = dir.resolve("client.csr");
        Path signed = dir.resolve("client.pem");
        keytool(
                "-genkeypair",
                "-alias",
                "server",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-validity",
                "2",
                "-dname",
                "CN=localhost",
                "-ext",
                "SAN=ip:127.0.0.1,dns:localhost",
                "-storetype",
                "PKCS12",
                "-keystore",
                c.serverKeystore.toString(),
                "-storepass",
                PASSWORD,
                "-keypass",
                PASSWORD);
        keytool(
                "-exportcert",
                "-rfc",
                "-alias",
                "server",
                "-keystore",
                c.serverKeystore.toString(),
                "-storepass",
                PASSWORD,
                "-file",
                c.serverCertificate.toString());
        keytool(
                "-genkeypair",
                "-alias",
                "ca",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-validity",
                "2",
                "-dname",
                "CN=Test Client CA",
                "-ext",
                "bc:c",
                "-storetype",
                "PKCS12",
                "-keystore",
                ca.toString(),
                "-storepass",
                PASSWORD,
                "-keypass",
                PASSWORD);
        keytool(
                "-exportcert",
                "-rfc",
                "-alias",
                "ca",
                "-keystore",
                ca.toString(),
                "-storepass",
                PASSWORD,
                "-file",
                c.clientCa.toString());
        keytool(
                "-genkeypair",
                "-alias",
                "client",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-validity",
                "2",
                "-dname",
                "CN=" + login + ",O=Example",
                "-storetype",
                "PKCS12",
                "-keystore",
                c.clientKeystore.toString(),
                "-storepass",
                PASSWORD,
                "-keypass",
                PASSWORD);
        keytool(
                "-certreq",
                "-alias",
                "client",
                "-keystore",
                c.clientKeystore.toString(),
                "-storepass",
                PASSWORD,
                "-file",
                request.toString());
        keytool(
                "-gencert",
                "-rfc",
                "-alias",
                "ca",
                "-keystore",
                ca.toString(),
                "-storepass",
                PASSWORD,
                "-infile",
                request.toString(),
                "-outfile",
                signed.toString(),
                "-validity",
                "2",
                "-ext",
                "SAN=email:" + login + "@example.org",
                "-ext",
                "EKU=clientAuth");
        keytool(
                "-importcert",
                "-noprompt",
                "-alias",
                "ca",
                "-file",
                c.clientCa.toString(),
                "-keystore",
                c.clientKeystore.toString(),
                "-storepass",
                PASSWORD);
        keytool(
                "-importcert",
                "-noprompt",
                "-alias",
                "client",
                "-file",
                signed.toString(),
                "-keystore",
                c.clientKeystore.toString(),
                "-storepass",
                PASSWORD);
        return c;
    }

    /** A client TLS context trusting the server's certificate, presenting {@code clientKeys} when given. */
    SSLContext clientContext(boolean withClientCertificate) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        int i = 0;
        for (Certificate certificate : pem(serverCertificate)) {
            trust.setCertificateEntry("server-" + i++, certificate);
        }
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trust);
        KeyManagerFactory keyManagers = null;
        if (withClientCertificate) {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(clientKeystore)) {
                keys.load(in, PASSWORD.toCharArray());
            }
            keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(keys, PASSWORD.toCharArray());
        }
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyManagers == null ? null : keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), null);
        return context;
    }

    /** The client's own certificate. */
    java.security.cert.X509Certificate clientCertificate() throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(clientKeystore)) {
            keys.load(in, PASSWORD.toCharArray());
        }
        return (java.security.cert.X509Certificate) keys.getCertificate("client");
    }

    private static List<Certificate> pem(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return new ArrayList<>(CertificateFactory.getInstance("X.509").generateCertificates(in));
        }
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("keytool " + String.join(" ", args) + " failed: " + output);
        }
    }
}
