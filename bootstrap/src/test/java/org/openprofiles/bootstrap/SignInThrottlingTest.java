package org.openprofiles.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openprofiles.adapter.jdbc.testing.PostgresExtension;
import org.openprofiles.adapter.jdbc.testing.TestDatabase;
import org.openprofiles.domain.security.Role;
import org.openprofiles.domain.security.UserId;

/**
 * Failed sign-ins are throttled per client address (as a trusted proxy names it) and per user:
 * 429 with {@code Retry-After} and a problem body, before the credential is looked at for a
 * throttled source; a user's valid tokens keep working while its old ones are refused.
 */
@ExtendWith(PostgresExtension.class)
class SignInThrottlingTest {

    private static TestDatabase db;
    private static Server server;
    private static Http http;

    @BeforeAll
    static void start(TestDatabase database) {
        db = database;
        server = Server.start(TestServers.build(TestServers.builder(database)
                .with(Config.TRUSTED_PROXIES, "127.0.0.1, ::1")
                .with(Config.AUTH_FAILURES_PER_SOURCE, "3")
                .with(Config.AUTH_FAILURES_PER_USER, "2")
                .with(Config.AUTH_THROTTLE_SECONDS, "60")));
        http = new Http(server.uri());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<String> usersFrom(String client, String bearer) {
        return http.get("/api/v1/Profiles", "X-Forwarded-For", client, "Authorization", bearer);
    }

    private static void assertThrottled(HttpResponse<String> response) {
        assertEquals(429, response.statusCode(), response.body());
        assertEquals(
                "application/problem+json",
                response.headers().firstValue("Content-Type").orElse(""));
        assertTrue(response.body().contains("\"code\":\"too_many_failed_sign_ins\""), response.body());
        long retryAfter =
                Long.parseLong(response.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter > 0 && retryAfter <= 60, "Retry-After within the window: " + retryAfter);
    }

    @Test
    void aSourceThatFailedTooOftenIsRefusedEvenWithAValidTokenWhileOthersAreNot() {
        TestUsers.Caller reader = TestUsers.create(server, "throttle-reader", Role.PROFILE_READER);
        for (int i = 0; i < 3; i++) {
            assertEquals(
                    401, usersFrom("203.0.113.7", "Bearer not-a-token-" + i).statusCode());
        }
        assertThrottled(usersFrom("203.0.113.7", reader.bearer()));
        assertThrottled(http.post(
                "/api/v1/Profiles/CreateUpdate",
                "{\"name\":\"x\",\"color\":1}",
                "X-Forwarded-For",
                "203.0.113.7",
                "Authorization",
                reader.bearer()));
        assertEquals(200, usersFrom("203.0.113.8", reader.bearer()).statusCode(), "another client");
        assertEquals(200, http.get("/health", "X-Forwarded-For", "203.0.113.7").statusCode(), "open routes stay open");
    }

    @Test
    void aUsersOldTokensAreThrottledAcrossSourcesWhileItsValidTokenKeepsWorking() {
        UserId id = UserId.random();
        TestUsers.Caller expired = TestUsers.create(
                server,
                id,
                "throttle-owner",
                Optional.of(java.time.Instant.now().minusSeconds(60)),
                Role.PROFILE_READER);
        TestUsers.Caller valid = TestUsers.create(server, id, "throttle-owner", Optional.empty());
        assertEquals(401, usersFrom("198.51.100.1", expired.bearer()).statusCode());
        assertEquals(401, usersFrom("198.51.100.2", expired.bearer()).statusCode());
        assertThrottled(usersFrom("198.51.100.3", expired.bearer()));
        assertEquals(200, usersFrom("198.51.100.4", valid.bearer()).statusCode(), "the user is not locked out");
    }

    @Test
    void withoutATrustedProxyForwardingHeadersDoNotChangeTheSource() throws Exception {
        try (Server direct =
                Server.start(TestServers.build(TestServers.builder(db).with(Config.AUTH_FAILURES_PER_SOURCE, "2")))) {
            Http client = new Http(direct.uri());
            for (int i = 0; i < 2; i++) {
                HttpResponse<String> refused = client.get(
                        "/api/v1/Profiles", "X-Forwarded-For", "192.0.2." + i, "Authorization", "Bearer x" + i);
                assertEquals(401, refused.statusCode());
            }
            assertThrottled(
                    client.get("/api/v1/Profiles", "X-Forwarded-For", "192.0.2.99", "Authorization", "Bearer y"));
        }
    }
}
