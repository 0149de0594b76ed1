package org.openprofiles.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openprofiles.adapter.jdbc.security.JdbiCredentials;
import org.openprofiles.adapter.jdbc.security.JdbiUsers;
import org.openprofiles.domain.security.Role;
import org.openprofiles.domain.security.UserId;

/** Who is calling, through real HTTP on real PostgreSQL. */
class AuthenticationTest extends EndToEndTest {

    @Test
    void withoutATokenEveryRouteButHealthAndReadyIsA401AskingForBearer() {
        for (String path : List.of(
                "/admin/v1/users", "/CertificateManagement/api/v1.0/profiles", "/api/v1/Profiles", "/anything/else")) {
            HttpResponse<String> response = http.get(path);
            assertEquals(401, response.statusCode(), path);
            assertEquals(
                    "Bearer", response.headers().firstValue("WWW-Authenticate").orElse(""), path);
            // The Certificate Management routes send their errors as application/json, as the vendor's do.
            assertEquals(
                    path.startsWith("/CertificateManagement") ? "application/json" : "application/problem+json",
                    response.headers().firstValue("Content-Type").orElse(""),
                    path);
            assertTrue(response.body().contains("\"code\":\"missing_token\""), response.body());
        }
        assertEquals(200, http.get("/health").statusCode());
        assertEquals(200, http.get("/ready").statusCode());
        assertEquals(200, http.get("/pki/chain.pem").statusCode(), "relying parties have no account");
    }

    @Test
    void anUnknownTokenOrAnotherSchemeIsA401() {
        assertEquals(
                401,
                http.get("/anything", "Authorization", "Bearer not-a-token").statusCode());
        HttpResponse<String> basic = http.get("/anything", "Authorization", "Basic YWRtaW46YWRtaW4=");
        assertEquals(401, basic.statusCode());
        assertTrue(basic.body().contains("unsupported_scheme"), basic.body());
    }

    @Test
    void theConfiguredAdminTokenIsAcceptedOnFirstStart() {
        assertTrue(server.firstStart().created());
        assertTrue(server.firstStart().generatedToken().isEmpty(), "a configured token is never echoed");
        // Authenticated, so the unknown route gets past the filter to a 404.
        assertEquals(404, http.get("/no-such-route", TestUsers.admin()).statusCode());
    }

    @Test
    void aRevokedTokenIsRefusedOnTheNextCall() {
        TestUsers.Caller caller = TestUsers.create(server, "revoked-soon", Role.PROFILE_READER);
        assertEquals(404, http.get("/no-such-route", caller.auth()).statusCode());
        server.database()
                .transactions()
                .run(() ->
                        new JdbiCredentials(server.database().transactions()).revoke(caller.tokenId(), Instant.now()));
        HttpResponse<String> after = http.get("/no-such-route", caller.auth());
        assertEquals(401, after.statusCode());
        assertTrue(after.body().contains("revoked_token"), after.body());
    }

    @Test
    void anExpiredTokenIsRefused() {
        TestUsers.Caller caller = TestUsers.create(
                server, UserId.random(), "expired", Optional.of(Instant.now().minusSeconds(1)), Role.PROFILE_READER);
        HttpResponse<String> response = http.get("/no-such-route", caller.auth());
        assertEquals(401, response.statusCode());
        assertTrue(response.body().contains("expired_token"), response.body());
    }

    @Test
    void aDisabledUsersTokenIsRefused() {
        TestUsers.Caller caller = TestUsers.create(server, "disabled-soon", Role.PROFILE_READER);
        var users = new JdbiUsers(server.database().transactions());
        server.database()
                .transactions()
                .run(() -> users.update(users.find(caller.id()).orElseThrow().disabled()));
        HttpResponse<String> response = http.get("/no-such-route", caller.auth());
        assertEquals(401, response.statusCode());
        assertTrue(response.body().contains("disabled_user"), response.body());
    }

    @Test
    void tokensAreStoredOnlyAsHashes() {
        TestUsers.Caller caller = TestUsers.create(server, "hashed", Role.PROFILE_READER);
        List<String> stored = db.jdbi()
                .withHandle(h -> h.createQuery("SELECT hash || ' ' || name FROM api_token")
                        .mapTo(String.class)
                        .list());
        assertFalse(stored.isEmpty());
        for (String row : stored) {
            assertFalse(row.contains(caller.token()), "clear token in api_token");
            assertFalse(row.contains(TestServers.ADMIN_TOKEN), "clear admin token in api_token");
        }
        Integer anywhere = db.jdbi()
                .withHandle(h -> h.createQuery(
                                "SELECT count(*) FROM audit_event WHERE before::text LIKE :t OR after::text LIKE :t")
                        .bind("t", "%" + TestServers.ADMIN_TOKEN + "%")
                        .mapTo(Integer.class)
                        .one());
        assertEquals(0, anywhere, "no clear token in the audit trail");
    }

    @Test
    void firstStartLeavesExactlyOneAuditEventAndASecondStartNone() {
        Integer events = db.jdbi()
                .withHandle(h -> h.createQuery("SELECT count(*) FROM audit_event WHERE action = 'user.bootstrap-admin'")
                        .mapTo(Integer.class)
                        .one());
        assertEquals(1, events);
        try (Server second = Server.start(TestServers.on(db))) {
            assertFalse(second.firstStart().created(), "an admin exists already");
        }
        Integer after = db.jdbi()
                .withHandle(h -> h.createQuery("SELECT count(*) FROM audit_event WHERE action = 'user.bootstrap-admin'")
                        .mapTo(Integer.class)
                        .one());
        assertEquals(1, after);
    }
}
