package org.openprofiles.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openprofiles.adapter.jdbc.testing.PostgresExtension;
import org.openprofiles.adapter.jdbc.testing.TestDatabase;
import org.openprofiles.adapter.rest.shared.ClientCertificates;
import org.openprofiles.domain.security.Role;

/**
 * HTTPS on the built-in listener, checked with the JDK's HTTP client: TLS 1.3/1.2 with AEAD
 * ciphers only, no plain HTTP on the port, a redirect port, and mutual TLS signing a user in by
 * the certificate's subject.
 */
@ExtendWith(PostgresExtension.class)
class TlsTest {

    @TempDir
    static Path dir;

    private static TestCertificates certificates;
    private static Server server;
    private static int redirectPort;

    @BeforeAll
    static void start(TestDatabase db) throws Exception {
        certificates = TestCertificates.make(dir, "alice");
        try (ServerSocket free = new ServerSocket(0)) {
            redirectPort = free.getLocalPort();
        }
        server = Server.start(TestServers.build(TestServers.builder(db)
                .with(Config.TLS_KEYSTORE, certificates.serverKeystore.toString())
                .with(Config.TLS_KEYSTORE_PASSWORD, TestCertificates.PASSWORD)
                .with(Config.TLS_REDIRECT_PORT, String.valueOf(redirectPort))
                .with(Config.TLS_CLIENT_CA, certificates.clientCa.toString())
                .with(Config.TLS_CLIENT_USER, "subject:CN")));
        TestUsers.create(server, "alice", Role.PROFILE_READER);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theListenerSpeaksTlsWithAModernProtocol() throws Exception {
        assertEquals("https", server.uri().getScheme());
        HttpResponse<String> response = client(certificates.clientContext(false), null)
                .send(
                        HttpRequest.newBuilder(server.uri().resolve("health")).build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        String protocol = response.sslSession().orElseThrow().getProtocol();
        assertTrue(List.of("TLSv1.3", "TLSv1.2").contains(protocol), protocol);
    }

    @Test
    void aClientOfferingOnlyCbcCiphersIsRefused() throws Exception {
        SSLParameters old = new SSLParameters(
                new String[] {"TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256", "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256"},
                new String[] {"TLSv1.2"});
        assertThrows(
                IOException.class,
                () -> client(certificates.clientContext(false), old)
                        .send(
                                HttpRequest.newBuilder(server.uri().resolve("health"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString()));
    }

    @Test
    void plainHttpOnTheTlsPortGetsNoAnswer() {
        URI plain = URI.create("http://127.0.0.1:" + server.uri().getPort() + "/health");
        assertThrows(
                IOException.class,
                () -> HttpClient.newBuilder()
                        .connectTimeout(Duration.ofSeconds(5))
                        .build()
                        .send(
                                HttpRequest.newBuilder(plain)
                                        .timeout(Duration.ofSeconds(5))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString()));
    }

    @Test
    void theRedirectPortSendsEveryRequestToHttps() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(
                                        URI.create("http://127.0.0.1:" + redirectPort + "/api/v1/Profiles?limit=5"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(308, response.statusCode());
        assertEquals(
                Optional.of("https://127.0.0.1:" + server.uri().getPort() + "/api/v1/Profiles?limit=5"),
                response.headers().firstValue("Location"));
    }

    @Test
    void aClientCertificateSignsItsSubjectsUserIn() throws Exception {
        HttpResponse<String> withCertificate = client(certificates.clientContext(true), null)
                .send(
                        HttpRequest.newBuilder(server.uri().resolve("api/v1/Profiles"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(200, withCertificate.statusCode(), withCertificate.body());

        HttpResponse<String> adminRoute = client(certificates.clientContext(true), null)
                .send(
                        HttpRequest.newBuilder(server.uri().resolve("admin/v1/users"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(403, adminRoute.statusCode(), "alice has her own roles, not more");

        HttpResponse<String> without = client(certificates.clientContext(false), null)
                .send(
                        HttpRequest.newBuilder(server.uri().resolve("api/v1/Profiles"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(401, without.statusCode(), "no certificate and no token");

        HttpResponse<String> bearer = client(certificates.clientContext(false), null)
                .send(
                        HttpRequest.newBuilder(server.uri().resolve("admin/v1/users"))
                                .header("Authorization", "Bearer " + TestServers.ADMIN_TOKEN)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(200, bearer.statusCode(), "bearer tokens still work over TLS");
    }

    @Test
    void theCertificateFieldThatNamesTheUserIsConfigurable() throws Exception {
        var certificate = certificates.clientCertificate();
        assertEquals(
                Optional.of("alice"),
                ClientCertificates.userOf(certificate, ClientCertificates.UserField.parse("subject:CN")));
        assertEquals(
                Optional.of("Example"),
                ClientCertificates.userOf(certificate, ClientCertificates.UserField.parse("subject:O")));
        assertEquals(
                Optional.of("alice@example.org"),
                ClientCertificates.userOf(certificate, ClientCertificates.UserField.parse("san:email")));
        assertEquals(
                Optional.empty(),
                ClientCertificates.userOf(certificate, ClientCertificates.UserField.parse("san:uri")));
        assertThrows(IllegalArgumentException.class, () -> ClientCertificates.UserField.parse("issuer:CN"));
    }

    private static HttpClient client(SSLContext context, SSLParameters parameters) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .sslContext(context)
                .connectTimeout(Duration.ofSeconds(5))
                .version(HttpClient.Version.HTTP_1_1);
        if (parameters != null) {
            builder.sslParameters(parameters);
        }
        return builder.build();
    }
}
