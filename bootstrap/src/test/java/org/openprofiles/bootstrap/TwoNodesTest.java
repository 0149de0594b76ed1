package org.openprofiles.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openprofiles.adapter.jdbc.testing.PostgresExtension;
import org.openprofiles.adapter.jdbc.testing.TestDatabase;

/**
 * Two server processes on one database, as two nodes behind a load balancer (node A in the test's
 * JVM, node B a JVM of its own, sharing nothing but the database): what one node changes and
 * the other has cached (a token's owner, a template) takes effect on the other within a second —
 * a revoked token, a disabled user, changed roles, a revised template — and on the changing node
 * from the very next request.
 */
@ExtendWith(PostgresExtension.class)
class TwoNodesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CM = "/CertificateManagement/api/v1.0";

    @TempDir
    static Path nodeBData;

    private static Server nodeA;
    private static ChildServer nodeB;
    private static Http a;
    private static Http b;

    @BeforeAll
    static void startTwoNodes(TestDatabase database) {
        nodeA = Server.start(TestServers.on(database));
        nodeB = ChildServer.start(Map.of(
                "PROFILES_DB_URL", database.url(),
                "PROFILES_DB_USER", database.settings().user(),
                "PROFILES_DB_PASSWORD", database.settings().password(),
                "PROFILES_DATA_DIR", nodeBData.toString(),
                "PROFILES_HTTP_PORT", "0",
                "PROFILES_ADMIN_TOKEN", TestServers.ADMIN_TOKEN,
                "PROFILES_SHUTDOWN_GRACE_SECONDS", "2"));
        a = new Http(nodeA.uri());
        b = new Http(nodeB.uri());
    }

    @AfterAll
    static void stop() {
        nodeA.close();
        nodeB.close();
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (Exception e) {
            throw new AssertionError(response.body(), e);
        }
    }

    /** A user with these roles made through node A, and a token of it: {id, tokenId, secret}. */
    private static String[] userWithToken(String roles) {
        HttpResponse<String> user = a.post(
                "/admin/v1/users",
                "{\"login\":\"node-" + UUID.randomUUID() + "\",\"roles\":[" + roles + "]}",
                TestUsers.admin());
        assertEquals(201, user.statusCode(), user.body());
        String id = json(user).get("id").asText();
        HttpResponse<String> token = a.post("/admin/v1/users/" + id + "/tokens", "{}", TestUsers.admin());
        assertEquals(201, token.statusCode(), token.body());
        return new String[] {
            id, json(token).get("id").asText(), json(token).get("token").asText()
        };
    }

    private static String[] auth(String secret) {
        return new String[] {"Authorization", "Bearer " + secret};
    }

    /** Asks {@code node} until {@code expected} holds for its answer, for at most one second. */
    private static HttpResponse<String> withinASecond(
            Http node, String path, String[] auth, Predicate<HttpResponse<String>> expected) {
        long deadline = System.nanoTime() + 1_000_000_000L;
        HttpResponse<String> response;
        do {
            response = node.get(path, auth);
            if (expected.test(response)) {
                return response;
            }
        } while (System.nanoTime() < deadline);
        throw new AssertionError("not within a second; last answer " + response.statusCode() + " " + response.body());
    }

    @Test
    void aTokenRevokedOnOneNodeIsRefusedByTheOtherWithinASecond() {
        String[] user = userWithToken("\"profile-reader\"");
        assertEquals(200, b.get("/api/v1/Profiles/Colors", auth(user[2])).statusCode(), "node B knows the token");
        assertEquals(200, a.get("/api/v1/Profiles/Colors", auth(user[2])).statusCode(), "node A too");
        HttpResponse<String> revoked = a.delete("/admin/v1/users/" + user[0] + "/tokens/" + user[1], TestUsers.admin());
        assertTrue(revoked.statusCode() / 100 == 2, revoked.body());
        assertEquals(401, a.get("/api/v1/Profiles/Colors", auth(user[2])).statusCode(), "at once on node A");
        HttpResponse<String> refused =
                withinASecond(b, "/api/v1/Profiles/Colors", auth(user[2]), r -> r.statusCode() == 401);
        assertTrue(refused.body().contains("revoked_token"), refused.body());
    }

    @Test
    void aUserDisabledOnOneNodeIsRefusedByTheOtherWithinASecond() {
        String[] user = userWithToken("\"profile-reader\"");
        assertEquals(200, b.get("/api/v1/Profiles/Colors", auth(user[2])).statusCode());
        assertEquals(
                200,
                a.post("/admin/v1/users/" + user[0] + "/disable", "", TestUsers.admin())
                        .statusCode());
        assertEquals(401, a.get("/api/v1/Profiles/Colors", auth(user[2])).statusCode(), "at once on node A");
        HttpResponse<String> refused =
                withinASecond(b, "/api/v1/Profiles/Colors", auth(user[2]), r -> r.statusCode() == 401);
        assertTrue(refused.body().contains("disabled_user"), refused.body());
    }

    @Test
    void rolesTakenAwayOnOneNodeAreGoneOnTheOtherWithinASecond() {
        String[] user = userWithToken("\"profile-reader\"");
        assertEquals(200, b.get("/api/v1/Profiles/Colors", auth(user[2])).statusCode());
        assertEquals(
                200,
                a.put("/admin/v1/users/" + user[0] + "/roles", "{\"roles\":[]}", TestUsers.admin())
                        .statusCode());
        assertEquals(403, a.get("/api/v1/Profiles/Colors", auth(user[2])).statusCode(), "at once on node A");
        withinASecond(b, "/api/v1/Profiles/Colors", auth(user[2]), r -> r.statusCode() == 403);
    }

    @Test
    void aTemplateRevisedOnOneNodeChangesTheOperationsTheOtherOffersWithinASecond() {
        String template = UUID.randomUUID().toString();
        CertificateFixtures.template(a, template, 1, "renew", "disable");
        String[] owner = userWithToken("");
        String profile = UUID.randomUUID().toString();
        CertificateFixtures.imported(
                a, "[" + CertificateFixtures.profile(UUID.fromString(profile), "2", owner[0], template, 1) + "]");
        String path = CM + "/profiles/" + profile;
        assertEquals(
                "[\"renew\",\"disable\"]",
                json(b.get(path, auth(owner[2]))).get("ProfileOperations").toString(),
                "node B has the template");
        HttpResponse<String> revised = a.put(
                "/admin/v1/profile-templates/" + template,
                "{\"name\":\"Template " + template + "\",\"version\":1,\"policies\":{\"disable\":{}}}",
                TestUsers.admin());
        assertEquals(200, revised.statusCode(), revised.body());
        assertEquals(
                "[\"disable\"]",
                json(a.get(path, auth(owner[2]))).get("ProfileOperations").toString(),
                "at once on node A");
        withinASecond(
                b,
                path,
                auth(owner[2]),
                r -> json(r).get("ProfileOperations").toString().equals("[\"disable\"]"));
    }

    @Test
    void anAccessProfileRevisedOrItsGroupRenamedOnOneNodeShowsInTheOthersListWithinASecond() {
        AccessFixtures fixtures = new AccessFixtures(a);
        String name = "node-" + UUID.randomUUID();
        UUID group = fixtures.groups(name + "-group").get(0);
        UUID profile = fixtures.profile(name, 3, List.of(group), Map.of());
        String path = "/api/v1/Profiles?name=" + name;
        assertEquals(3, json(b.get(path, TestUsers.admin())).get(0).get("color").asInt(), "node B lists it");

        HttpResponse<String> revised = a.post(
                "/api/v1/Profiles/CreateUpdate",
                "{\"id\":\"" + profile + "\",\"name\":\"" + name + "\",\"color\":9,\"groups\":[{\"id\":\"" + group
                        + "\"}],\"ldapAttributes\":[]}",
                TestUsers.admin());
        assertEquals(200, revised.statusCode(), revised.body());
        assertEquals(9, json(a.get(path, TestUsers.admin())).get(0).get("color").asInt(), "at once on node A");
        withinASecond(
                b, path, TestUsers.admin(), r -> json(r).get(0).get("color").asInt() == 9);

        HttpResponse<String> renamed = a.post(
                "/admin/v1/directory/groups",
                "[{\"id\":\"" + group + "\",\"name\":\"" + name + "-renamed\",\"distinguishedName\":\"CN=x\"}]",
                TestUsers.admin());
        assertEquals(200, renamed.statusCode(), renamed.body());
        Predicate<HttpResponse<String>> showsNewName = r ->
                json(r).get(0).get("groups").get(0).get("displayName").asText().equals(name + "-renamed");
        assertTrue(showsNewName.test(a.get(path, TestUsers.admin())), "at once on node A");
        withinASecond(b, path, TestUsers.admin(), showsNewName);
    }
}
