package org.openprofiles.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The admin API for users and tokens, through real HTTP on real PostgreSQL. */
class AdminUsersTest extends EndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    static JsonNode createUser(String body) {
        HttpResponse<String> created = http.post("/admin/v1/users", body, TestUsers.admin());
        assertEquals(201, created.statusCode(), created.body());
        return json(created);
    }

    static JsonNode issueToken(String userId, String body) {
        HttpResponse<String> issued = http.post("/admin/v1/users/" + userId + "/tokens", body, TestUsers.admin());
        assertEquals(201, issued.statusCode(), issued.body());
        return json(issued);
    }

    @Test
    void anAdminCreatesAUserThatIsThenReadableByItsLocation() {
        HttpResponse<String> created = http.post(
                "/admin/v1/users",
                "{\"login\":\"alice\",\"displayName\":\"Alice A.\",\"roles\":[\"profile-reader\",\"cm-agent\"]}",
                TestUsers.admin());
        assertEquals(201, created.statusCode(), created.body());
        JsonNode user = json(created);
        String location = created.headers().firstValue("Location").orElseThrow();
        assertTrue(location.endsWith("/admin/v1/users/" + user.get("id").asText()), location);
        assertEquals("alice", user.get("login").asText());
        assertEquals("Alice A.", user.get("displayName").asText());
        assertTrue(user.get("enabled").asBoolean());
        assertEquals("[\"cm-agent\",\"profile-reader\"]", user.get("roles").toString());

        HttpResponse<String> read = http.get("/admin/v1/users/" + user.get("id").asText(), TestUsers.admin());
        assertEquals(200, read.statusCode());
        assertEquals("alice", json(read).get("login").asText());
    }

    @Test
    void aUsersAddressesAreSetOnCreationChangedAndRemovedAndBadOnesAre400s() {
        HttpResponse<String> created = http.post(
                "/admin/v1/users",
                "{\"login\":\"mailer\",\"email\":\"mailer@example.org\",\"userPrincipalName\":\"mailer@corp.example\"}",
                TestUsers.admin());
        assertEquals(201, created.statusCode(), created.body());
        JsonNode user = json(created);
        assertEquals("mailer@example.org", user.get("email").asText());
        assertEquals("mailer@corp.example", user.get("userPrincipalName").asText());
        String addresses = "/admin/v1/users/" + user.get("id").asText() + "/addresses";
        HttpResponse<String> changed = http.put(addresses, "{\"email\":\"m@example.org\"}", TestUsers.admin());
        assertEquals(200, changed.statusCode(), changed.body());
        assertEquals("m@example.org", json(changed).get("email").asText());
        assertTrue(json(changed).get("userPrincipalName").isNull(), "absent removes it");
        HttpResponse<String> bad = http.put(addresses, "{\"email\":\"not an address\"}", TestUsers.admin());
        assertEquals(400, bad.statusCode(), bad.body());
        assertTrue(bad.body().contains("\"field\":\"email\""), bad.body());
    }

    @Test
    void aUserCanBeCreatedWithTheIdItHasElsewhereAndThatIdCannotBeTakenTwice() {
        UUID id = UUID.randomUUID();
        JsonNode user = createUser("{\"id\":\"" + id + "\",\"login\":\"migrated\"}");
        assertEquals(id.toString(), user.get("id").asText());
        HttpResponse<String> again =
                http.post("/admin/v1/users", "{\"id\":\"" + id + "\",\"login\":\"other\"}", TestUsers.admin());
        assertEquals(409, again.statusCode());
        assertEquals("id", json(again).get("field").asText());
    }

    @Test
    void aDuplicateLoginIsAConflictRegardlessOfCase() {
        createUser("{\"login\":\"bob\"}");
        HttpResponse<String> again = http.post("/admin/v1/users", "{\"login\":\"BOB\"}", TestUsers.admin());
        assertEquals(409, again.statusCode(), again.body());
        assertEquals(
                "application/problem+json",
                again.headers().firstValue("Content-Type").orElse(""));
        assertEquals("login", json(again).get("field").asText());
    }

    @Test
    void badInputIsA400NamingTheField() {
        HttpResponse<String> role =
                http.post("/admin/v1/users", "{\"login\":\"carol\",\"roles\":[\"wizard\"]}", TestUsers.admin());
        assertEquals(400, role.statusCode());
        assertEquals("roles", json(role).get("field").asText());
        HttpResponse<String> login = http.post("/admin/v1/users", "{\"login\":\"a b\"}", TestUsers.admin());
        assertEquals(400, login.statusCode());
        assertEquals("login", json(login).get("field").asText());
        HttpResponse<String> id =
                http.post("/admin/v1/users", "{\"id\":\"nope\",\"login\":\"dave\"}", TestUsers.admin());
        assertEquals(400, id.statusCode());
        assertEquals("id", json(id).get("field").asText());
        HttpResponse<String> noBody = http.post("/admin/v1/users", "", TestUsers.admin());
        assertEquals(400, noBody.statusCode(), noBody.body());
    }

    @Test
    void anUnknownUserIsA404AndAMalformedIdA400NamingTheParameter() {
        HttpResponse<String> unknown = http.get("/admin/v1/users/" + UUID.randomUUID(), TestUsers.admin());
        assertEquals(404, unknown.statusCode());
        assertEquals("user_not_found", json(unknown).get("code").asText());
        HttpResponse<String> malformed = http.get("/admin/v1/users/not-a-uuid", TestUsers.admin());
        assertEquals(400, malformed.statusCode());
        assertEquals("id", json(malformed).get("field").asText());
        HttpResponse<String> badToken =
                http.delete("/admin/v1/users/" + UUID.randomUUID() + "/tokens/x", TestUsers.admin());
        assertEquals(400, badToken.statusCode());
        assertEquals("tokenId", json(badToken).get("field").asText());
    }

    @Test
    void aShorthandThatTheJdkWouldReadAsAUuidIsRefusedLikeOnTheVendorRoutes() {
        // UUID.fromString("1-1-1-1-1") is 00000001-0001-0001-0001-000000000001: not an id anyone sent.
        HttpResponse<String> shorthand = http.get("/admin/v1/users/1-1-1-1-1", TestUsers.admin());
        assertEquals(400, shorthand.statusCode(), shorthand.body());
        assertEquals("id", json(shorthand).get("field").asText());
        assertEquals("invalid_guid", json(shorthand).get("code").asText());
    }

    @Test
    void listingRunsTheSameNumberOfStatementsWhateverThePageSize() {
        for (int i = 0; i < 30; i++) {
            createUser("{\"login\":\"bulk-" + i + "\"}");
        }
        long[] counts = new long[2];
        int[] limits = {1, 30};
        for (int i = 0; i < 2; i++) {
            long before = server.database().statements().count();
            HttpResponse<String> page = http.get("/admin/v1/users?limit=" + limits[i], TestUsers.admin());
            assertEquals(limits[i], json(page).size());
            counts[i] = server.database().statements().count() - before;
        }
        assertEquals(counts[0], counts[1], "no statement per listed user");
        assertTrue(counts[1] <= 3, "authentication (2) and the page (1), was " + counts[1]);
    }

    @Test
    void usersAreListedByLoginAcrossPagesFollowingLinkNext() {
        for (String login : List.of("page-c", "page-a", "page-e", "page-b", "page-d")) {
            createUser("{\"login\":\"" + login + "\"}");
        }
        List<String> logins = new ArrayList<>();
        String next = "/admin/v1/users?limit=2";
        int pages = 0;
        while (next != null) {
            HttpResponse<String> page = http.get(next, TestUsers.admin());
            assertEquals(200, page.statusCode(), page.body());
            json(page).forEach(user -> logins.add(user.get("login").asText()));
            next = page.headers()
                    .firstValue("Link")
                    .map(link -> link.substring(link.indexOf('<') + 1, link.indexOf('>')))
                    .map(uri -> uri.substring(uri.indexOf("/admin/")))
                    .orElse(null);
            pages++;
        }
        List<String> paged = logins.stream().filter(l -> l.startsWith("page-")).toList();
        assertEquals(List.of("page-a", "page-b", "page-c", "page-d", "page-e"), paged);
        assertTrue(pages >= 3, "limit=2 gives several pages");
        assertEquals(logins.stream().sorted(String.CASE_INSENSITIVE_ORDER).toList(), logins);
    }

    @Test
    void aDisabledUsersTokensAreRefusedOnTheNextCall() {
        JsonNode user = createUser("{\"login\":\"erin\",\"roles\":[\"profile-reader\"]}");
        String token = issueToken(user.get("id").asText(), "{}").get("token").asText();
        assertEquals(
                404,
                http.get("/no-such-route", "Authorization", "Bearer " + token).statusCode());
        HttpResponse<String> disabled =
                http.post("/admin/v1/users/" + user.get("id").asText() + "/disable", "", TestUsers.admin());
        assertEquals(200, disabled.statusCode(), disabled.body());
        assertFalse(json(disabled).get("enabled").asBoolean());
        HttpResponse<String> refused = http.get("/no-such-route", "Authorization", "Bearer " + token);
        assertEquals(401, refused.statusCode());
        assertTrue(refused.body().contains("disabled_user"), refused.body());

        HttpResponse<String> enabled =
                http.post("/admin/v1/users/" + user.get("id").asText() + "/enable", "", TestUsers.admin());
        assertEquals(200, enabled.statusCode(), enabled.body());
        assertTrue(json(enabled).get("enabled").asBoolean());
        assertEquals(
                404,
                http.get("/no-such-route", "Authorization", "Bearer " + token).statusCode(),
                "the user's token works again");
    }

    @Test
    void theLastEnabledAdminCanNeitherBeDisabledNorLoseTheAdminRole() {
        String adminId = server.firstStart().adminId().toString();
        HttpResponse<String> disable = http.post("/admin/v1/users/" + adminId + "/disable", "", TestUsers.admin());
        assertEquals(409, disable.statusCode(), disable.body());
        assertEquals("last_admin", json(disable).get("code").asText());
        HttpResponse<String> demote =
                http.put("/admin/v1/users/" + adminId + "/roles", "{\"roles\":[\"cm-agent\"]}", TestUsers.admin());
        assertEquals(409, demote.statusCode(), demote.body());
        assertEquals(
                200, http.get("/admin/v1/users/" + adminId, TestUsers.admin()).statusCode());
    }

    @Test
    void rolesAreReplacedAndTakeEffectOnTheNextCall() {
        JsonNode user = createUser("{\"login\":\"frank\",\"roles\":[\"profile-reader\"]}");
        String id = user.get("id").asText();
        String token = issueToken(id, "{\"name\":\"frank's\"}").get("token").asText();
        assertEquals(
                403,
                http.get("/admin/v1/users", "Authorization", "Bearer " + token).statusCode());
        HttpResponse<String> set =
                http.put("/admin/v1/users/" + id + "/roles", "{\"roles\":[\"admin\"]}", TestUsers.admin());
        assertEquals(200, set.statusCode(), set.body());
        assertEquals("[\"admin\"]", json(set).get("roles").toString());
        assertEquals(
                200,
                http.get("/admin/v1/users", "Authorization", "Bearer " + token).statusCode());
        HttpResponse<String> unknownRole =
                http.put("/admin/v1/users/" + id + "/roles", "{\"roles\":[\"root\"]}", TestUsers.admin());
        assertEquals(400, unknownRole.statusCode());
        assertEquals("roles", json(unknownRole).get("field").asText());
    }

    @Test
    void aTokenIsShownOnceListedWithoutItsSecretAndRevokedForTheNextCall() {
        JsonNode user = createUser("{\"login\":\"grace\",\"roles\":[\"profile-reader\"]}");
        String id = user.get("id").asText();
        JsonNode issued = issueToken(id, "{\"name\":\"ci\"}");
        String token = issued.get("token").asText();
        assertEquals(43, token.length(), "256 bits, base64url");
        assertEquals(
                404,
                http.get("/no-such-route", "Authorization", "Bearer " + token).statusCode());

        HttpResponse<String> list = http.get("/admin/v1/users/" + id + "/tokens", TestUsers.admin());
        assertEquals(200, list.statusCode());
        assertEquals(1, json(list).size());
        assertEquals("ci", json(list).get(0).get("name").asText());
        assertFalse(list.body().contains(token), "the secret is never listed");
        assertFalse(json(list).get(0).has("token"));

        String tokenPath =
                "/admin/v1/users/" + id + "/tokens/" + issued.get("id").asText();
        assertEquals(204, http.delete(tokenPath, TestUsers.admin()).statusCode());
        HttpResponse<String> refused = http.get("/no-such-route", "Authorization", "Bearer " + token);
        assertEquals(401, refused.statusCode());
        assertTrue(refused.body().contains("revoked_token"), refused.body());
        assertEquals(204, http.delete(tokenPath, TestUsers.admin()).statusCode(), "revoking twice is harmless");
        assertFalse(json(http.get("/admin/v1/users/" + id + "/tokens", TestUsers.admin()))
                .get(0)
                .get("revokedAt")
                .isNull());
    }

    @Test
    void aTokenOfAnotherUserOrAnUnknownOneIsA404() {
        String a = createUser("{\"login\":\"heidi\"}").get("id").asText();
        String b = createUser("{\"login\":\"ivan\"}").get("id").asText();
        String tokenOfA = issueToken(a, "{}").get("id").asText();
        assertEquals(
                404,
                http.delete("/admin/v1/users/" + b + "/tokens/" + tokenOfA, TestUsers.admin())
                        .statusCode());
        assertEquals(
                404,
                http.post("/admin/v1/users/" + UUID.randomUUID() + "/tokens", "{}", TestUsers.admin())
                        .statusCode());
        assertEquals(
                404,
                http.get("/admin/v1/users/" + UUID.randomUUID() + "/tokens", TestUsers.admin())
                        .statusCode());
    }

    @Test
    void aTokenWithAnExpiryWorksUntilThenAndAnExpiryInThePastIsA400() throws InterruptedException {
        String id = createUser("{\"login\":\"judy\",\"roles\":[\"profile-reader\"]}")
                .get("id")
                .asText();
        HttpResponse<String> past = http.post(
                "/admin/v1/users/" + id + "/tokens",
                "{\"expiresAt\":\"" + Instant.now().minusSeconds(60) + "\"}",
                TestUsers.admin());
        assertEquals(400, past.statusCode());
        assertEquals("expiresAt", json(past).get("field").asText());
        HttpResponse<String> garbled =
                http.post("/admin/v1/users/" + id + "/tokens", "{\"expiresAt\":\"tomorrow\"}", TestUsers.admin());
        assertEquals(400, garbled.statusCode());
        assertEquals("expiresAt", json(garbled).get("field").asText());

        Instant expiry = Instant.now().plusMillis(1500);
        JsonNode issued = issueToken(id, "{\"expiresAt\":\"" + expiry + "\"}");
        assertEquals(expiry, Instant.parse(issued.get("expiresAt").asText()));
        String token = issued.get("token").asText();
        assertEquals(
                404,
                http.get("/no-such-route", "Authorization", "Bearer " + token).statusCode());
        Thread.sleep(Math.max(0, expiry.toEpochMilli() - System.currentTimeMillis()) + 200);
        HttpResponse<String> expired = http.get("/no-such-route", "Authorization", "Bearer " + token);
        assertEquals(401, expired.statusCode());
        assertTrue(expired.body().contains("expired_token"), expired.body());
    }
}
