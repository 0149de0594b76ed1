package org.openprofiles.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.RSAKey;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openprofiles.adapter.jdbc.testing.PostgresExtension;
import org.openprofiles.adapter.jdbc.testing.TestDatabase;
import org.openprofiles.adapter.rest.security.OidcSettings;
import org.openprofiles.domain.security.Role;

/**
 * The provider's keys fetched from a JWKS URL (a stand-in provider on loopback): fetched once and
 * cached, fetched again when a token names a key the cache does not know, and not hammered by
 * tokens naming keys that do not exist.
 */
@ExtendWith(PostgresExtension.class)
class JwksUrlTest {

    private static final RSAKey FIRST = TestJwts.rsaKey("first");
    private static final RSAKey ROTATED = TestJwts.rsaKey("rotated");

    private static final AtomicReference<String> served = new AtomicReference<>(TestJwts.jwks(FIRST));
    private static final AtomicInteger fetches = new AtomicInteger();
    private static HttpServer provider;
    private static Server server;
    private static Http http;
    private static TestUsers.Caller user;

    @BeforeAll
    static void start(TestDatabase db) throws IOException {
        provider = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        provider.createContext("/jwks", exchange -> {
            fetches.incrementAndGet();
            byte[] body = served.get().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        provider.start();
        String url = "http://127.0.0.1:" + provider.getAddress().getPort() + "/jwks";
        server = Server.start(
                TestServers.on(db, new OidcSettings(TestJwts.ISSUER, TestJwts.AUDIENCE, url, "sub", Optional.empty())));
        http = new Http(server.uri());
        user = TestUsers.create(server, "url-user", Role.PROFILE_READER);
    }

    @AfterAll
    static void stop() {
        server.close();
        provider.stop(0);
    }

    @Test
    void keysAreFetchedOnceCachedRefetchedForARotatedKeyAndNotHammeredByUnknownOnes() {
        String first = TestJwts.sign(FIRST, TestJwts.claims(user.id().toString()));
        for (int i = 0; i < 3; i++) {
            assertEquals(404, http.get("/no-such-route", TestJwts.bearer(first)).statusCode());
        }
        assertEquals(1, fetches.get(), "cached after the first fetch");

        served.set(TestJwts.jwks(FIRST, ROTATED));
        String rotated = TestJwts.sign(ROTATED, TestJwts.claims(user.id().toString()));
        assertEquals(404, http.get("/no-such-route", TestJwts.bearer(rotated)).statusCode());
        assertEquals(2, fetches.get(), "an unknown key id makes it fetch again");

        RSAKey stranger = TestJwts.rsaKey("stranger");
        for (int i = 0; i < 10; i++) {
            HttpResponse<String> refused = http.get(
                    "/no-such-route",
                    TestJwts.bearer(
                            TestJwts.sign(stranger, TestJwts.claims(user.id().toString()))));
            assertEquals(401, refused.statusCode(), refused.body());
            assertTrue(refused.body().contains("\"code\":\"invalid_token\""), refused.body());
        }
        assertTrue(fetches.get() <= 3, "refetches are rate limited, got " + fetches.get());
        assertEquals(404, http.get("/no-such-route", TestJwts.bearer(first)).statusCode(), "known keys still work");
    }
}
