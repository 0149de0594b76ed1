package org.openprofiles.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openprofiles.domain.security.Role;

/**
 * Client mistakes that once answered 500 are 400s naming the field, write nothing, and never
 * describe the JSON in Java's words: NUL characters, duplicate keys, forged cursors, nulls in
 * arrays, values longer than their column, out-of-range numbers and instants.
 */
class ClientMistakesTest extends EndToEndTest {

    private static final String CM = "/CertificateManagement/api/v1.0";
    private static TestUsers.Caller manager;
    private static AccessFixtures access;

    @BeforeAll
    static void arrange() {
        manager = TestUsers.create(server, "mistakes-manager", Role.PROFILE_MANAGER);
        access = new AccessFixtures(http);
    }

    private static JsonNode json(HttpResponse<String> response) {
        return AccessFixtures.json(response);
    }

    private static long auditEvents() {
        return db.jdbi()
                .withHandle(h -> h.createQuery("SELECT count(*) FROM audit_event")
                        .mapTo(Long.class)
                        .one());
    }

    private static void assertRefused(HttpResponse<String> response, String field, String what) {
        assertEquals(400, response.statusCode(), what + ": " + response.body());
        assertEquals(
                response.uri().getPath().toLowerCase(java.util.Locale.ROOT).startsWith("/certificatemanagement/")
                        ? "application/json"
                        : "application/problem+json",
                response.headers().firstValue("Content-Type").orElse(""),
                what);
        JsonNode problem = json(response);
        String body = response.body();
        assertTrue(
                field.equals(problem.path("field").asText()) || body.contains("\"field\":\"" + field + "\""),
                what + " names " + field + ": " + body);
        assertFalse(body.contains("org.openprofiles") || body.contains("java."), what + " names no class: " + body);
    }

    @Test
    void aNulCharacterInABodyAQueryOrAPathIsA400NamingWhereItIs() {
        long before = auditEvents();
        assertRefused(
                http.post("/api/v1/Profiles/CreateUpdate", "{\"name\":\"Bad\\u0000Name\",\"color\":1}", manager.auth()),
                "name",
                "profile name");
        assertRefused(
                http.post(
                        "/admin/v1/directory/groups",
                        "[{\"id\":\"" + UUID.randomUUID() + "\",\"name\":\"g\\u0000\"}]",
                        TestUsers.admin()),
                "[0].name",
                "group name");
        assertRefused(
                http.post(
                        CM + "/requests",
                        "{\"type\":\"Enroll\",\"profiletemplateuuid\":\"" + UUID.randomUUID()
                                + "\",\"comment\":\"x\\u0000\"}",
                        manager.auth()),
                "comment",
                "request comment");
        assertRefused(http.get("/api/v1/Profiles?name=a%00b", manager.auth()), "name", "query parameter");
        assertRefused(http.get("/admin/v1/audit?objectId=%00", TestUsers.admin()), "objectId", "audit filter");
        assertEquals(before, auditEvents(), "nothing was written");
    }

    @Test
    void aKeyGivenTwiceInOneObjectIsRefused() {
        HttpResponse<String> response = http.post(
                "/api/v1/Profiles/CreateUpdate", "{\"name\":\"One\",\"name\":\"Two\",\"color\":1}", manager.auth());
        assertRefused(response, "name", "duplicate key");
        assertEquals("duplicate_key", json(response).get("code").asText());
    }

    @Test
    void aCursorTheServiceDidNotIssueIsRefusedOnEveryListRoute() {
        String forged = "eyJhIjoxfQ"; // valid base64url, not ours
        String withNul = "AA"; // decodes to a NUL byte
        List<String> routes = List.of(
                "/api/v1/Profiles?cursor=",
                "/api/v1/Profiles/Compliance?cursor=",
                "/admin/v1/users?cursor=",
                "/admin/v1/audit?cursor=",
                "/admin/v1/profile-templates?cursor=",
                CM + "/requests?cursor=",
                CM + "/profiles?cursor=");
        for (String route : routes) {
            for (String cursor : List.of(forged, withNul, forged + ".AAAA")) {
                HttpResponse<String> response = http.get(route + cursor, TestUsers.admin());
                assertRefused(response, "cursor", route + cursor);
            }
        }
    }

    @Test
    void nullsInArraysAndValuesLongerThanTheirColumnAreRefusedNamingTheItem() {
        long before = auditEvents();
        String group = UUID.randomUUID().toString();
        assertRefused(
                http.post(
                        "/admin/v1/directory/accounts",
                        "[{\"id\":\"" + UUID.randomUUID() + "\",\"samAccountName\":\"n\",\"groups\":[null]}]",
                        TestUsers.admin()),
                "[0].groups",
                "null group");
        assertRefused(
                http.put(
                        "/admin/v1/access/attributes/shoesize",
                        "{\"type\":\"ComboBox\",\"definedValues\":[null]}",
                        TestUsers.admin()),
                "definedValues",
                "null defined value");
        assertRefused(
                http.post(
                        "/admin/v1/directory/groups",
                        "[{\"id\":\"" + group + "\",\"name\":\"" + "g".repeat(600) + "\"}]",
                        TestUsers.admin()),
                "[0].name",
                "long group name");
        assertRefused(
                http.post(
                        "/admin/v1/directory/accounts",
                        "[{\"id\":\"" + UUID.randomUUID() + "\",\"samAccountName\":\"" + "s".repeat(300) + "\"}]",
                        TestUsers.admin()),
                "[0].samAccountName",
                "long samAccountName");
        assertRefused(
                http.post(
                        "/admin/v1/directory/groups",
                        "[{\"id\":\"" + group + "\",\"name\":\"g\",\"distinguishedName\":\"" + "d".repeat(1_000_000)
                                + "\"}]",
                        TestUsers.admin()),
                "[0].distinguishedName",
                "a megabyte of DN");
        assertRefused(
                http.put(
                        "/admin/v1/access/attributes/shoesize",
                        "{\"type\":\"TextField\",\"label\":\"" + "l".repeat(300) + "\"}",
                        TestUsers.admin()),
                "label",
                "long label");
        assertRefused(
                http.post(
                        "/admin/v1/directory/accounts",
                        "[{\"id\":\"" + UUID.randomUUID()
                                + "\",\"samAccountName\":\"n\",\"attributes\":{\" \":\"x\"}}]",
                        TestUsers.admin()),
                "[0].attributes",
                "blank attribute key");
        assertEquals(before, auditEvents(), "nothing was written");
    }

    @Test
    void numbersAndInstantsBeyondWhatCanBeStoredAreRefused() {
        String admin = server.firstStart().adminId().toString();
        assertRefused(
                http.post(
                        "/admin/v1/users/" + admin + "/tokens",
                        "{\"name\":\"far\",\"expiresAt\":\"+1000000000-01-01T00:00:00Z\"}",
                        TestUsers.admin()),
                "expiresAt",
                "token expiry in year 1e9");
        assertRefused(
                http.post(
                        "/admin/v1/profile-templates",
                        "{\"name\":\"max\",\"version\":" + Long.MAX_VALUE + ",\"policies\":{}}",
                        TestUsers.admin()),
                "version",
                "template version 2^63-1");
        assertRefused(
                http.post("/api/v1/Profiles/CreateUpdate", "{\"name\":\"Typed\",\"color\":\"red\"}", manager.auth()),
                "color",
                "a string for a number");
    }

    @Test
    void savingAProfileUnchangedKeepsItsVersionAndWritesNoAuditEvent() {
        UUID id = access.profile("Unchanged", 3, List.of(), Map.of());
        String body = "{\"id\":\"" + id + "\",\"name\":\"Unchanged\",\"color\":3}";
        long before = auditEvents();
        HttpResponse<String> saved = http.post("/api/v1/Profiles/CreateUpdate", body, manager.auth());
        assertEquals(200, saved.statusCode(), saved.body());
        assertEquals(1, json(saved).get("version").asLong(), "no new version for no change");
        assertEquals(before, auditEvents(), "no audit event for no change");
    }

    @Test
    void apiResponsesCarryTheSecurityHeadersAndNoneIsCached() {
        HttpResponse<String> issued = http.post(
                "/admin/v1/users/" + server.firstStart().adminId() + "/tokens", "{\"name\":\"h\"}", TestUsers.admin());
        assertEquals(201, issued.statusCode(), issued.body());
        for (HttpResponse<String> response : List.of(issued, http.get("/api/v1/Profiles", manager.auth()))) {
            assertEquals(
                    "no-store", response.headers().firstValue("Cache-Control").orElse(""));
            assertEquals(
                    "nosniff",
                    response.headers().firstValue("X-Content-Type-Options").orElse(""));
            assertEquals(
                    "DENY", response.headers().firstValue("X-Frame-Options").orElse(""));
            assertTrue(response.headers().firstValue("Content-Security-Policy").isPresent());
        }
    }
}
