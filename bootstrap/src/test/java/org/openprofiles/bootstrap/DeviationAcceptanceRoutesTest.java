package org.openprofiles.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openprofiles.domain.security.Role;

/**
 * Accepting deviations over HTTP: what may be accepted and by whom, how accepted deviations leave
 * the non-compliant counts and show in the report, and that they count again when withdrawn or
 * expired.
 */
class DeviationAcceptanceRoutesTest extends EndToEndTest {

    private static final String ACCEPTANCES = "/api/v1/Profiles/Compliance/Acceptances";

    /** A profile requiring a group and a title, and an account assigned to it that has neither. */
    private record Setup(UUID profile, UUID group, UUID account) {}

    private static Setup setup() {
        AccessFixtures fixtures = new AccessFixtures(http);
        String token = UUID.randomUUID().toString().substring(0, 8);
        UUID group = fixtures.groups("Accept-" + token).get(0);
        UUID profile = fixtures.profile("Accept " + token, 2, List.of(group), Map.of("title", "Clerk"));
        UUID account = fixtures.account("accept-" + token, List.of(), Map.of("title", "Cook"));
        fixtures.assign(profile, account);
        return new Setup(profile, group, account);
    }

    private static String body(UUID account, String deviation, String comment, String expiresAt) {
        return "{\"accountId\": \"" + account + "\", \"deviation\": " + deviation + ", \"comment\": "
                + (comment == null ? "null" : "\"" + comment + "\"")
                + (expiresAt == null ? "" : ", \"expiresAt\": \"" + expiresAt + "\"") + "}";
    }

    private static String missing(Setup s) {
        return "{\"kind\": \"missingGroup\", \"profileId\": \"" + s.profile() + "\", \"groupId\": \"" + s.group()
                + "\"}";
    }

    private static String title(Setup s) {
        return "{\"kind\": \"wrongAttribute\", \"profileId\": \"" + s.profile() + "\", \"attribute\": \"Title\"}";
    }

    private static JsonNode line(Setup s) {
        JsonNode report = AccessFixtures.json(
                http.get("/api/v1/Profiles/Compliance?profileId=" + s.profile(), TestUsers.admin()));
        return report.get(0);
    }

    private static boolean listedAsNonCompliant(Setup s) {
        return AccessFixtures.json(
                        http.get("/api/v1/Profiles/AssignmentsByProfileId?profileId=" + s.profile(), TestUsers.admin()))
                .get(0)
                .get("IsNonCompliant")
                .asBoolean();
    }

    @Test
    void acceptedDeviationsShowAsAcceptedAndLeaveTheNonCompliantCountsUntilWithdrawn() {
        Setup s = setup();
        TestUsers.Caller manager = TestUsers.create(server, "accept-manager-" + s.account(), Role.PROFILE_MANAGER);
        String expiry = Instant.now().plusSeconds(86_400).toString();

        HttpResponse<String> accepted = http.post(
                ACCEPTANCES, body(s.account(), missing(s), "on leave, back in March", expiry), manager.auth());

        assertEquals(201, accepted.statusCode(), accepted.body());
        JsonNode acceptance = AccessFixtures.json(accepted);
        assertTrue(accepted.headers()
                .firstValue("Location")
                .orElseThrow()
                .endsWith(acceptance.get("id").asText()));
        assertEquals("missingGroup", acceptance.get("deviation").get("kind").asText());
        assertEquals(expiry, acceptance.get("expiresAt").asText());
        assertEquals(manager.id().toString(), acceptance.get("acceptedBy").asText());
        assertTrue(acceptance.get("inForce").asBoolean());
        JsonNode partly = line(s);
        assertEquals(0, partly.get("missingGroups").size());
        assertEquals(
                "missingGroup",
                partly.get("acceptedDeviations").get(0).get("kind").asText());
        assertEquals(
                "on leave, back in March",
                partly.get("acceptedDeviations")
                        .get(0)
                        .get("acceptance")
                        .get("comment")
                        .asText());
        assertTrue(partly.get("isNonCompliant").asBoolean(), "the wrong title is still open");

        HttpResponse<String> second =
                http.post(ACCEPTANCES, body(s.account(), title(s), "agreed", null), manager.auth());
        assertEquals(201, second.statusCode(), second.body());
        assertFalse(line(s).get("isNonCompliant").asBoolean());
        assertFalse(listedAsNonCompliant(s));
        assertEquals(
                0,
                AccessFixtures.json(http.get(
                                "/api/v1/Profiles/Compliance?nonCompliantOnly=true&profileId=" + s.profile(),
                                TestUsers.admin()))
                        .size());
        JsonNode usage = AccessFixtures.json(http.post(
                "/api/v1/Profiles/AdditionalProfileInformation", "[\"" + s.profile() + "\"]", TestUsers.admin()));
        assertEquals(
                0, usage.get(s.profile().toString()).get("nonCompliantAccounts").asInt(), usage.toString());

        JsonNode listed = AccessFixtures.json(http.get(ACCEPTANCES + "?accountId=" + s.account(), TestUsers.admin()));
        assertEquals(2, listed.size());
        assertEquals(
                "wrongAttribute", listed.get(0).get("deviation").get("kind").asText(), "newest first");
        assertEquals("title", listed.get(0).get("deviation").get("attribute").asText());

        String id = AccessFixtures.json(second).get("id").asText();
        assertEquals(204, http.delete(ACCEPTANCES + "/" + id, manager.auth()).statusCode());
        assertEquals(404, http.get(ACCEPTANCES + "/" + id, TestUsers.admin()).statusCode());
        assertTrue(line(s).get("isNonCompliant").asBoolean(), "withdrawn: the deviation counts again");
        assertTrue(listedAsNonCompliant(s));
        JsonNode revoked = AccessFixtures.json(
                        http.get("/admin/v1/audit?action=access-deviation.revoke&objectId=" + id, TestUsers.admin()))
                .get(0);
        assertEquals("agreed", revoked.get("before").get("comment").asText());
        JsonNode accept = AccessFixtures.json(http.get(
                        "/admin/v1/audit?action=access-deviation.accept&objectId="
                                + acceptance.get("id").asText(),
                        TestUsers.admin()))
                .get(0);
        assertEquals(s.group().toString(), accept.get("after").get("groupId").asText());
    }

    @Test
    void anAcceptanceCountsOnlyUntilItExpires() {
        Setup s = setup();
        http.post(ACCEPTANCES, body(s.account(), title(s), "for now", null), TestUsers.admin());
        HttpResponse<String> shortLived = http.post(
                ACCEPTANCES,
                body(
                        s.account(),
                        missing(s),
                        "until the group exists",
                        Instant.now().plusMillis(1500).toString()),
                TestUsers.admin());
        assertEquals(201, shortLived.statusCode(), shortLived.body());
        assertFalse(listedAsNonCompliant(s));

        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!listedAsNonCompliant(s) && System.nanoTime() < deadline) {
            DirectoryHarness.sleep(100);
        }
        assertTrue(listedAsNonCompliant(s), "expired: the missing group counts again");
        assertEquals(1, line(s).get("missingGroups").size());
        JsonNode acceptance = AccessFixtures.json(http.get(
                ACCEPTANCES + "/" + AccessFixtures.json(shortLived).get("id").asText(), TestUsers.admin()));
        assertFalse(acceptance.get("inForce").asBoolean());
    }

    @Test
    void anAcceptanceIsRefusedWithTheFieldAtFault() {
        Setup s = setup();
        TestUsers.Caller reader = TestUsers.create(server, "accept-reader-" + s.account(), Role.PROFILE_READER);
        assertEquals(
                403,
                http.post(ACCEPTANCES, body(s.account(), missing(s), "no", null), reader.auth())
                        .statusCode());
        assertEquals(200, http.get(ACCEPTANCES, reader.auth()).statusCode(), "readers may read them");
        assertRefused(400, "comment", body(s.account(), missing(s), null, null));
        assertRefused(400, "comment", body(s.account(), missing(s), "  ", null));
        assertRefused(
                400,
                "expiresAt",
                body(
                        s.account(),
                        missing(s),
                        "c",
                        Instant.now().minusSeconds(60).toString()));
        assertRefused(400, "expiresAt", body(s.account(), missing(s), "c", "next Tuesday"));
        assertRefused(400, "deviation.kind", body(s.account(), "{\"kind\": \"other\"}", "c", null));
        assertRefused(
                400,
                "deviation.groupId",
                body(s.account(), "{\"kind\": \"missingGroup\", \"profileId\": \"" + s.profile() + "\"}", "c", null));
        assertRefused(400, "accountId", body(null, missing(s), "c", null).replace("\"null\"", "\"x\""));
        assertRefused(
                422, "deviation", body(s.account(), "{\"kind\": \"noProfile\"}", "the account has a profile", null));
        assertRefused(404, "accountId", body(UUID.randomUUID(), missing(s), "c", null));
    }

    private static void assertRefused(int status, String field, String body) {
        HttpResponse<String> refused = http.post(ACCEPTANCES, body, TestUsers.admin());
        assertEquals(status, refused.statusCode(), body + " -> " + refused.body());
        assertEquals(field, AccessFixtures.json(refused).get("field").asText(), refused.body());
    }
}
