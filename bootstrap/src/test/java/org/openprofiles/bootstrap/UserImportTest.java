package org.openprofiles.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openprofiles.domain.security.Role;

/** {@code POST /admin/v1/users/import}: checked as a whole, all or nothing, audited once, re-runnable. */
class UserImportTest extends EndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ROUTE = "/admin/v1/users/import";

    private static int count(String sql) {
        return db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Integer.class).one());
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (Exception e) {
            throw new AssertionError(response.body(), e);
        }
    }

    private static String user(UUID id, String login, String roles) {
        return "{" + (id == null ? "" : "\"id\":\"" + id + "\",") + "\"login\":\"" + login
                + "\",\"displayName\":\"Name of " + login + "\",\"roles\":[" + roles + "]}";
    }

    private static HttpResponse<String> importUsers(String body, String... auth) {
        return http.post(ROUTE, body, auth.length == 0 ? TestUsers.admin() : auth);
    }

    @Test
    void everyUserOfAnImportIsCreatedWithOneAuditEventAndCanSignIn() {
        String prefix = "imp" + UUID.randomUUID().toString().substring(0, 8);
        UUID given = UUID.randomUUID();
        HttpResponse<String> response = importUsers(
                "[" + user(given, prefix + "-a", "\"cm-agent\"") + "," + user(null, prefix + "-b", "") + "]");
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(2, json(response).get("imported").asInt());
        assertEquals(
                1,
                count("SELECT count(*) FROM audit_event WHERE action = 'user.import' AND object_id = '"
                        + json(response).get("importId").asText() + "' AND after -> 'users' @> '[\"" + given + "\"]'"));
        HttpResponse<String> stored = http.get("/admin/v1/users/" + given, TestUsers.admin());
        assertEquals(200, stored.statusCode(), stored.body());
        assertEquals(prefix + "-a", json(stored).get("login").asText());
        assertEquals("cm-agent", json(stored).get("roles").get(0).asText());
        assertEquals(1, count("SELECT count(*) FROM app_user WHERE login = '" + prefix + "-b' AND enabled"));
    }

    @Test
    void reImportingChangesNothingAndADifferentUserUnderAKnownIdOrLoginIsRefused() {
        String login = "again" + UUID.randomUUID().toString().substring(0, 8);
        UUID id = UUID.randomUUID();
        String item = user(id, login, "\"profile-reader\"");
        assertEquals(200, importUsers("[" + item + "]").statusCode());
        int events = count("SELECT count(*) FROM audit_event");

        HttpResponse<String> again = importUsers("[" + item + "]");
        assertEquals(200, again.statusCode(), again.body());
        assertEquals(0, json(again).get("imported").asInt());
        assertEquals(1, json(again).get("unchanged").asInt());
        assertEquals(
                events, count("SELECT count(*) FROM audit_event"), "an import that changes nothing is not audited");

        HttpResponse<String> otherRoles = importUsers("[" + user(id, login, "") + "]");
        assertEquals(400, otherRoles.statusCode());
        assertEquals("[0].id", json(otherRoles).get("field").asText());
        assertEquals("user_id_taken", json(otherRoles).get("code").asText());

        HttpResponse<String> loginOfAnother = importUsers("[" + user(UUID.randomUUID(), login.toUpperCase(), "") + "]");
        assertEquals(400, loginOfAnother.statusCode());
        assertEquals("[0].login", json(loginOfAnother).get("field").asText());
        assertEquals("login_taken", json(loginOfAnother).get("code").asText());
    }

    @Test
    void anImportWithFaultsWritesNothingAndNamesEveryFaultByItem() {
        String prefix = "bad" + UUID.randomUUID().toString().substring(0, 8);
        int usersBefore = count("SELECT count(*) FROM app_user");
        int eventsBefore = count("SELECT count(*) FROM audit_event");
        String body = "["
                + String.join(
                        ",",
                        user(null, prefix + "-ok", ""),
                        user(null, "has space", ""),
                        user(null, prefix + "-role", "\"emperor\""),
                        user(null, prefix + "-ok", ""),
                        "null")
                + "]";
        HttpResponse<String> response = importUsers(body);
        assertEquals(400, response.statusCode(), response.body());
        List<String> faults = new ArrayList<>();
        json(response)
                .get("errors")
                .forEach(e ->
                        faults.add(e.get("field").asText() + " " + e.get("code").asText()));
        assertEquals(
                List.of(
                        "[1].login invalid_characters",
                        "[2].roles unknown_role",
                        "[3].login duplicate_login",
                        "[4] required"),
                faults);
        assertEquals(usersBefore, count("SELECT count(*) FROM app_user"), "nothing written");
        assertEquals(eventsBefore, count("SELECT count(*) FROM audit_event"), "nothing audited");
    }

    @Test
    void emptyAndOversizedImportsAre400s() {
        assertEquals("empty_import", json(importUsers("[]")).get("code").asText());
        String tooMany = "[" + String.join(",", Collections.nCopies(10_001, user(null, "x", ""))) + "]";
        HttpResponse<String> oversized = importUsers(tooMany);
        assertEquals(400, oversized.statusCode());
        assertEquals("too_many_users", json(oversized).get("code").asText());
    }

    @Test
    void onlyAdministratorsImportUsers() {
        TestUsers.Caller manager = TestUsers.create(server, "import-users-manager", Role.PROFILE_MANAGER);
        HttpResponse<String> refused = importUsers("[" + user(null, "never", "") + "]", manager.auth());
        assertEquals(403, refused.statusCode());
        assertEquals(0, count("SELECT count(*) FROM app_user WHERE login = 'never'"));
    }
}
