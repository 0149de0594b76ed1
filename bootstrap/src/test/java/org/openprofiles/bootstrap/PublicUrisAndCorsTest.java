package org.openprofiles.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openprofiles.adapter.jdbc.testing.PostgresExtension;
import org.openprofiles.adapter.jdbc.testing.TestDatabase;

/**
 * Absolute URIs ({@code Location}, {@code Link: rel="next"}) come from a trusted proxy's forwarding
 * headers, else the configured public base URL, else the listener; never from the client's
 * {@code Host}. And CORS: preflights never need a token, only configured origins are allowed.
 */
@ExtendWith(PostgresExtension.class)
class PublicUrisAndCorsTest {

    private static final String ORIGIN = "https://app.example.org";

    private static Server behindTrustedProxy;
    private static Server withBaseUrlOnly;
    private static Server bare;

    /** An HTTP/1.1 answer read off a raw socket: status and headers (lower-case names). */
    record Answer(int status, Map<String, String> headers) {}

    @BeforeAll
    static void start(TestDatabase db) {
        behindTrustedProxy = Server.start(TestServers.build(TestServers.builder(db)
                .with(Config.TRUSTED_PROXIES, "10.0.0.0/8, 127.0.0.1")
                .with(Config.PUBLIC_BASE_URL, "https://fallback.example.org/")
                .with(Config.CORS_ALLOWED_ORIGINS, ORIGIN)));
        withBaseUrlOnly = Server.start(TestServers.build(TestServers.builder(db)
                .with(Config.TRUSTED_PROXIES, "10.0.0.0/8")
                .with(Config.PUBLIC_BASE_URL, "https://profiles.example.org/base")));
        bare = Server.start(TestServers.on(db));
        // Two users besides admin, so that a page of one has a next page.
        TestUsers.create(bare, "paging-one");
        TestUsers.create(bare, "paging-two");
    }

    @AfterAll
    static void stop() {
        behindTrustedProxy.close();
        withBaseUrlOnly.close();
        bare.close();
    }

    @Test
    void aTrustedProxysForwardedHeaderMakesTheLinks() throws Exception {
        Answer answer = send(
                behindTrustedProxy,
                "GET",
                "/admin/v1/users?limit=1",
                Map.of(
                        "Host", "internal:8080",
                        "Forwarded", "for=192.0.2.60;proto=https;host=profiles.example.com, for=10.1.2.3",
                        "X-Forwarded-Prefix", "/op",
                        "Authorization", "Bearer " + TestServers.ADMIN_TOKEN));
        assertEquals(200, answer.status());
        assertTrue(
                answer.headers().get("link").startsWith("<https://profiles.example.com/op/admin/v1/users?"),
                answer.headers().toString());
    }

    @Test
    void aTrustedProxysXForwardedHeadersMakeTheLocation() throws Exception {
        Answer answer = send(
                behindTrustedProxy,
                "POST",
                "/admin/v1/users",
                Map.of(
                        "X-Forwarded-Proto",
                        "https",
                        "X-Forwarded-Host",
                        "edge.example.net",
                        "X-Forwarded-Port",
                        "8443",
                        "Authorization",
                        "Bearer " + TestServers.ADMIN_TOKEN,
                        "Content-Type",
                        "application/json"),
                "{\"login\":\"located\"}");
        assertEquals(201, answer.status());
        assertTrue(
                answer.headers().get("location").startsWith("https://edge.example.net:8443/admin/v1/users/"),
                answer.headers().toString());
    }

    @Test
    void forwardingHeadersFromAnUntrustedAddressAreIgnoredForThePublicBaseUrl() throws Exception {
        Answer answer = send(
                withBaseUrlOnly,
                "GET",
                "/admin/v1/users?limit=1",
                Map.of(
                        "Host",
                        "evil.example",
                        "X-Forwarded-Host",
                        "evil.example",
                        "X-Forwarded-Proto",
                        "http",
                        "Forwarded",
                        "host=evil.example;proto=http",
                        "Authorization",
                        "Bearer " + TestServers.ADMIN_TOKEN));
        assertEquals(200, answer.status());
        String link = answer.headers().get("link");
        assertTrue(link.startsWith("<https://profiles.example.org/base/admin/v1/users?"), link);
        assertFalse(link.contains("evil"), link);
    }

    @Test
    void withoutPublicBaseUrlTheListenerAddressIsUsedNeverTheHostHeader() throws Exception {
        Answer answer = send(
                bare,
                "POST",
                "/admin/v1/users",
                Map.of(
                        "Host",
                        "evil.example",
                        "Authorization",
                        "Bearer " + TestServers.ADMIN_TOKEN,
                        "Content-Type",
                        "application/json"),
                "{\"login\":\"hosted\"}");
        assertEquals(201, answer.status());
        assertTrue(
                answer.headers()
                        .get("location")
                        .startsWith("http://127.0.0.1:" + bare.uri().getPort() + "/admin/v1/users/"),
                answer.headers().toString());
    }

    @Test
    void aPreflightFromAnAllowedOriginIsAnsweredWithoutAToken() throws Exception {
        Answer answer = send(
                behindTrustedProxy,
                "OPTIONS",
                "/admin/v1/users",
                Map.of(
                        "Origin",
                        ORIGIN,
                        "Access-Control-Request-Method",
                        "POST",
                        "Access-Control-Request-Headers",
                        "authorization,content-type"));
        assertEquals(204, answer.status(), answer.headers().toString());
        assertEquals(ORIGIN, answer.headers().get("access-control-allow-origin"));
        assertTrue(answer.headers().get("access-control-allow-methods").contains("POST"));
        assertTrue(answer.headers()
                .get("access-control-allow-headers")
                .toLowerCase(Locale.ROOT)
                .contains("authorization"));
    }

    @Test
    void aPreflightFromAnotherOriginIsRefusedButNeverWithA401() throws Exception {
        for (Server server : new Server[] {behindTrustedProxy, bare}) {
            Answer answer = send(
                    server,
                    "OPTIONS",
                    "/api/v1/Profiles",
                    Map.of("Origin", "https://evil.example", "Access-Control-Request-Method", "GET"));
            assertEquals(403, answer.status(), answer.headers().toString());
            assertFalse(answer.headers().containsKey("access-control-allow-origin"));
        }
    }

    @Test
    void anAllowedOriginsRealCallCarriesTheCorsHeadersAndStillNeedsItsToken() throws Exception {
        Answer ok = send(
                behindTrustedProxy,
                "GET",
                "/admin/v1/users?limit=1",
                Map.of("Origin", ORIGIN, "Authorization", "Bearer " + TestServers.ADMIN_TOKEN));
        assertEquals(200, ok.status());
        assertEquals(ORIGIN, ok.headers().get("access-control-allow-origin"));
        assertTrue(ok.headers().get("access-control-expose-headers").contains("Link"));
        Answer noToken = send(behindTrustedProxy, "GET", "/admin/v1/users", Map.of("Origin", ORIGIN));
        assertEquals(401, noToken.status());
        assertEquals(ORIGIN, noToken.headers().get("access-control-allow-origin"), "the browser may read the 401");
    }

    /** A request written by hand: the JDK client refuses to send a Host header of the caller's choice. */
    private static Answer send(Server server, String method, String path, Map<String, String> headers, String... body)
            throws IOException {
        URI uri = server.uri();
        byte[] content = body.length == 0 ? new byte[0] : body[0].getBytes(StandardCharsets.UTF_8);
        StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.1\r\n");
        if (!headers.containsKey("Host")) {
            request.append("Host: 127.0.0.1:").append(uri.getPort()).append("\r\n");
        }
        headers.forEach(
                (name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
        request.append("Content-Length: ").append(content.length).append("\r\nConnection: close\r\n\r\n");
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(content);
            out.flush();
            InputStream in = socket.getInputStream();
            String head = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1).split("\r\n\r\n", 2)[0];
            String[] lines = head.split("\r\n");
            Map<String, String> answerHeaders = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                answerHeaders.put(
                        lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).strip());
            }
            return new Answer(Integer.parseInt(lines[0].split(" ")[1]), answerHeaders);
        }
    }
}
