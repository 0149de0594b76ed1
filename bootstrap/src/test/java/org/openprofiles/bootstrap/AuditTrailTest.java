package org.openprofiles.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Every write leaves exactly one audit event in its own transaction; refused writes leave none. */
class AuditTrailTest extends EndToEndTest {

    private static long events() {
        return db.jdbi()
                .withHandle(h -> h.createQuery("SELECT count(*) FROM audit_event")
                        .mapTo(Long.class)
                        .one());
    }

    /** Runs {@code write} and returns how many audit events it left. */
    private static long eventsLeftBy(Supplier<HttpResponse<String>> write, int expectedStatus) {
        long before = events();
        HttpResponse<String> response = write.get();
        assertEquals(expectedStatus, response.statusCode(), response.body());
        return events() - before;
    }

    private static JsonNode audit(String query) {
        HttpResponse<String> response = http.get("/admin/v1/audit?" + query, TestUsers.admin());
        assertEquals(200, response.statusCode(), response.body());
        return AdminUsersTest.json(response);
    }

    private static String encoded(Instant instant) {
        return URLEncoder.encode(instant.toString(), StandardCharsets.UTF_8);
    }

    @Test
    void eachWriteLeavesExactlyOneEventNamingWhoWhatAndTheChangedFields() {
        String adminId = server.firstStart().adminId().toString();
        String[] userId = new String[1];
        assertEquals(
                1,
                eventsLeftBy(
                        () -> {
                            HttpResponse<String> r = http.post(
                                    "/admin/v1/users",
                                    "{\"login\":\"audited\",\"roles\":[\"cm-agent\"]}",
                                    TestUsers.admin());
                            userId[0] = AdminUsersTest.json(r).path("id").asText();
                            return r;
                        },
                        201));
        String user = userId[0];
        assertEquals(
                1,
                eventsLeftBy(
                        () -> http.put(
                                "/admin/v1/users/" + user + "/roles",
                                "{\"roles\":[\"cm-agent\",\"cm-approver\"]}",
                                TestUsers.admin()),
                        200));
        String[] tokenId = new String[1];
        String[] secret = new String[1];
        assertEquals(
                1,
                eventsLeftBy(
                        () -> {
                            HttpResponse<String> r = http.post(
                                    "/admin/v1/users/" + user + "/tokens", "{\"name\":\"t\"}", TestUsers.admin());
                            tokenId[0] = AdminUsersTest.json(r).path("id").asText();
                            secret[0] = AdminUsersTest.json(r).path("token").asText();
                            return r;
                        },
                        201));
        assertEquals(
                1,
                eventsLeftBy(
                        () -> http.delete("/admin/v1/users/" + user + "/tokens/" + tokenId[0], TestUsers.admin()),
                        204));
        assertEquals(
                1, eventsLeftBy(() -> http.post("/admin/v1/users/" + user + "/disable", "", TestUsers.admin()), 200));
        assertEquals(
                0,
                eventsLeftBy(() -> http.post("/admin/v1/users/" + user + "/disable", "", TestUsers.admin()), 200),
                "disabling a disabled user changes nothing");

        JsonNode userEvents = audit("objectType=user&objectId=" + user);
        assertEquals(3, userEvents.size(), userEvents.toString());
        JsonNode disable = userEvents.get(0);
        assertEquals("user.disable", disable.get("action").asText());
        assertEquals(adminId, disable.get("actor").asText());
        assertEquals("{\"enabled\":true}", disable.get("before").toString());
        assertEquals("{\"enabled\":false}", disable.get("after").toString());
        JsonNode roles = userEvents.get(1);
        assertEquals("user.set-roles", roles.get("action").asText());
        assertEquals("[\"cm-agent\"]", roles.get("before").get("roles").toString());
        assertEquals(
                "[\"cm-agent\",\"cm-approver\"]",
                roles.get("after").get("roles").toString());
        JsonNode create = userEvents.get(2);
        assertEquals("user.create", create.get("action").asText());
        assertEquals("audited", create.get("after").get("login").asText());

        JsonNode tokenEvents = audit("objectType=api_token&objectId=" + tokenId[0]);
        assertEquals(
                List.of("token.revoke", "token.create"),
                List.of(
                        tokenEvents.get(0).get("action").asText(),
                        tokenEvents.get(1).get("action").asText()));
        assertFalse(tokenEvents.toString().contains(secret[0]));
        assertFalse(tokenEvents.toString().contains("hash"));
    }

    @Test
    void enablingADisabledUserLeavesOneEventAndEnablingAnEnabledOneNone() {
        String user =
                AdminUsersTest.createUser("{\"login\":\"comeback\"}").get("id").asText();
        http.post("/admin/v1/users/" + user + "/disable", "", TestUsers.admin());
        assertEquals(
                1, eventsLeftBy(() -> http.post("/admin/v1/users/" + user + "/enable", "", TestUsers.admin()), 200));
        assertEquals(
                0, eventsLeftBy(() -> http.post("/admin/v1/users/" + user + "/enable", "", TestUsers.admin()), 200));
        assertEquals(
                "user.enable", audit("objectId=" + user).get(0).get("action").asText());
    }

    @Test
    void refusedWritesLeaveNoEvent() {
        String user =
                AdminUsersTest.createUser("{\"login\":\"taken\"}").get("id").asText();
        assertEquals(
                0, eventsLeftBy(() -> http.post("/admin/v1/users", "{\"login\":\"TAKEN\"}", TestUsers.admin()), 409));
        assertEquals(
                0,
                eventsLeftBy(
                        () -> http.post(
                                "/admin/v1/users", "{\"id\":\"" + user + "\",\"login\":\"fresh\"}", TestUsers.admin()),
                        409));
        assertEquals(
                0,
                eventsLeftBy(
                        () -> http.post(
                                "/admin/v1/users", "{\"login\":\"x\",\"roles\":[\"wizard\"]}", TestUsers.admin()),
                        400));
        assertEquals(
                0,
                eventsLeftBy(
                        () -> http.put(
                                "/admin/v1/users/" + user + "/roles", "{\"roles\":[\"wizard\"]}", TestUsers.admin()),
                        400));
        assertEquals(
                0,
                eventsLeftBy(
                        () -> http.post(
                                "/admin/v1/users/" + server.firstStart().adminId() + "/disable", "", TestUsers.admin()),
                        409));
        assertEquals(
                0,
                eventsLeftBy(
                        () -> http.post(
                                "/admin/v1/users/" + user + "/tokens",
                                "{\"expiresAt\":\"2001-01-01T00:00:00Z\"}",
                                TestUsers.admin()),
                        400));
        // Changes that change nothing are not recorded either.
        assertEquals(
                0,
                eventsLeftBy(
                        () -> http.put("/admin/v1/users/" + user + "/roles", "{\"roles\":[]}", TestUsers.admin()),
                        200));
    }

    @Test
    void theTrailIsFilteredByActorActionAndTimeAndPagedWithLinkNext() {
        Instant start = Instant.now().minusMillis(5);
        for (int i = 0; i < 5; i++) {
            AdminUsersTest.createUser("{\"login\":\"filtered-" + i + "\"}");
        }
        Instant end = Instant.now().plusMillis(5);
        String actor = server.firstStart().adminId().toString();
        String query = "action=user.create&actor=" + actor + "&from=" + encoded(start) + "&to=" + encoded(end);
        assertEquals(5, audit(query).size());
        assertEquals(
                0,
                audit("action=user.create&objectType=user&from=" + encoded(end)).size(),
                "from is a lower bound");

        List<String> seen = new ArrayList<>();
        HttpResponse<String> page = http.get("/admin/v1/audit?" + query + "&limit=2", TestUsers.admin());
        int pages = 1;
        while (true) {
            assertEquals(200, page.statusCode(), page.body());
            AdminUsersTest.json(page)
                    .forEach(e -> seen.add(e.get("after").get("login").asText()));
            String link = page.headers().firstValue("Link").orElse(null);
            if (link == null) {
                break;
            }
            assertTrue(link.endsWith("rel=\"next\""), link);
            String next = link.substring(link.indexOf('<') + 1, link.indexOf('>'));
            page = http.get(next.substring(next.indexOf("/admin/")), TestUsers.admin());
            pages++;
        }
        assertEquals(3, pages);
        assertEquals(List.of("filtered-4", "filtered-3", "filtered-2", "filtered-1", "filtered-0"), seen);
    }

    @Test
    void badFilterValuesAreA400NamingTheParameter() {
        for (String[] bad : List.of(
                new String[] {"actor", "actor=bob"},
                new String[] {"from", "from=yesterday"},
                new String[] {"to", "to=2026-13-01T00:00:00Z"},
                new String[] {"limit", "limit=0"},
                new String[] {"cursor", "cursor=%21%21"},
                new String[] {"to", "from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z"})) {
            HttpResponse<String> response = http.get("/admin/v1/audit?" + bad[1], TestUsers.admin());
            assertEquals(400, response.statusCode(), bad[1] + ": " + response.body());
            assertEquals(bad[0], AdminUsersTest.json(response).get("field").asText(), bad[1]);
        }
    }

    @Test
    void tokensNeverAppearInClearInTheDatabaseOrTheLogs() {
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        logs.start();
        root.addAppender(logs);
        try {
            String user = AdminUsersTest.createUser("{\"login\":\"secretive\",\"roles\":[\"cm-agent\"]}")
                    .get("id")
                    .asText();
            JsonNode issued = AdminUsersTest.issueToken(user, "{\"name\":\"mine\"}");
            String secret = issued.get("token").asText();
            assertEquals(
                    404,
                    http.get("/no-such-route", "Authorization", "Bearer " + secret)
                            .statusCode());
            assertEquals(
                    403,
                    http.get("/admin/v1/users", "Authorization", "Bearer " + secret)
                            .statusCode());
            http.delete(
                    "/admin/v1/users/" + user + "/tokens/" + issued.get("id").asText(), TestUsers.admin());
            assertEquals(
                    401,
                    http.get("/no-such-route", "Authorization", "Bearer " + secret)
                            .statusCode());

            Long inTokens = db.jdbi()
                    .withHandle(h -> h.createQuery("SELECT count(*) FROM api_token t WHERE t::text LIKE :s")
                            .bind("s", "%" + secret + "%")
                            .mapTo(Long.class)
                            .one());
            assertEquals(0, inTokens, "api_token holds the secret in clear");
            Long hashed = db.jdbi()
                    .withHandle(h -> h.createQuery(
                                    "SELECT count(*) FROM api_token WHERE id = CAST(:id AS uuid) AND hash ~ '^[0-9a-f]{64}$'")
                            .bind("id", issued.get("id").asText())
                            .mapTo(Long.class)
                            .one());
            assertEquals(1, hashed);
            Long inAudit = db.jdbi()
                    .withHandle(h -> h.createQuery(
                                    "SELECT count(*) FROM audit_event e WHERE e::text LIKE :s OR e::text LIKE :h")
                            .bind("s", "%" + secret + "%")
                            .bind("h", "%" + org.openprofiles.domain.security.TokenSecrets.hash(secret) + "%")
                            .mapTo(Long.class)
                            .one());
            assertEquals(0, inAudit, "the audit trail holds the secret or its hash");
            for (ILoggingEvent event : logs.list) {
                assertFalse(event.getFormattedMessage().contains(secret), event.getFormattedMessage());
            }
        } finally {
            root.detachAppender(logs);
        }
    }
}
