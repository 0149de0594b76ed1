package org.openprofiles.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openprofiles.domain.security.Role;

/**
 * Feeds without LDAP remove accounts and groups through the JSON routes, with the same effect as
 * a sync that finds them gone; the directory is read back paged and filtered by name; and a server
 * without a directory refuses to sync.
 */
class DirectoryFeedRemovalTest extends EndToEndTest {

    @Test
    void removingAnAccountEndsItsAssignmentsAndAGroupAProfileRequiresIsKeptAsMissing() {
        AccessFixtures fixtures = new AccessFixtures(http);
        List<UUID> groups = fixtures.groups("Feed-Unused", "Feed-Required");
        UUID profile = fixtures.profile("Feed profile", 1, List.of(groups.get(1)), Map.of());
        UUID leaver = fixtures.account("feed-leaver", groups, Map.of());
        UUID stayer = fixtures.account("feed-stayer", List.of(groups.get(1)), Map.of());
        fixtures.assign(profile, leaver, stayer);
        UUID unknown = UUID.randomUUID();

        HttpResponse<String> removed = http.post(
                "/admin/v1/directory/removals",
                AccessFixtures.write(Map.of(
                        "accounts", List.of(leaver.toString(), unknown.toString()),
                        "groups",
                                List.of(groups.get(0).toString(), groups.get(1).toString()))),
                TestUsers.admin());

        assertEquals(200, removed.statusCode(), removed.body());
        JsonNode result = AccessFixtures.json(removed);
        assertEquals(
                leaver.toString(),
                result.get("removedAccounts").get(0).get("id").asText());
        assertEquals(
                profile.toString(),
                result.get("removedAccounts")
                        .get(0)
                        .get("endedAssignments")
                        .get(0)
                        .asText());
        assertEquals(List.of(groups.get(0).toString()), texts(result.get("removedGroups")));
        assertEquals(
                groups.get(1).toString(),
                result.get("keptGroups").get(0).get("id").asText());
        assertEquals(
                profile.toString(),
                result.get("keptGroups").get(0).get("requiredBy").get(0).asText());
        assertEquals(List.of(unknown.toString()), texts(result.get("unknownAccounts")));

        JsonNode accounts = AccessFixtures.json(http.get("/admin/v1/directory/accounts?name=feed-", TestUsers.admin()));
        assertEquals(List.of("feed-stayer"), names(accounts, "samAccountName"));
        JsonNode kept = AccessFixtures.json(http.get("/admin/v1/directory/groups?name=Feed-", TestUsers.admin()));
        assertEquals(List.of("Feed-Required"), names(kept, "name"));
        assertFalse(kept.get(0).get("missingSince").isNull());
        JsonNode compliance =
                AccessFixtures.json(http.get("/api/v1/Profiles/Compliance?profileId=" + profile, TestUsers.admin()));
        assertEquals(1, compliance.size());
        assertEquals(
                "Feed-Required",
                compliance.get(0).get("missingGroups").get(0).get("name").asText(),
                "the stayer no longer is a member of the missing group");

        JsonNode audit = AccessFixtures.json(
                        http.get("/admin/v1/audit?action=directory.remove&objectId=" + leaver, TestUsers.admin()))
                .get(0);
        assertEquals("feed", audit.get("after").get("via").asText());
        assertEquals("feed-leaver", audit.get("before").get("samAccountName").asText());

        HttpResponse<String> back = http.post(
                "/admin/v1/directory/groups",
                AccessFixtures.write(List.of(Map.of("id", groups.get(1).toString(), "name", "Feed-Required"))),
                TestUsers.admin());
        assertEquals(1, AccessFixtures.json(back).get("changed").asInt(), "back from missing");
        assertTrue(AccessFixtures.json(http.get("/admin/v1/directory/groups?name=Feed-Req", TestUsers.admin()))
                .get(0)
                .get("missingSince")
                .isNull());
    }

    @Test
    void singleRemovalsAnswer404ForUnknownIdsAndOnlyAdminsRemove() {
        AccessFixtures fixtures = new AccessFixtures(http);
        UUID account = fixtures.account("single-" + UUID.randomUUID(), List.of(), Map.of());
        UUID group = fixtures.groups("Single-" + UUID.randomUUID()).get(0);
        TestUsers.Caller manager = TestUsers.create(server, "feed-manager", Role.PROFILE_MANAGER);

        assertEquals(
                403,
                http.delete("/admin/v1/directory/accounts/" + account, manager.auth())
                        .statusCode());
        assertEquals(
                404,
                http.delete("/admin/v1/directory/accounts/" + UUID.randomUUID(), TestUsers.admin())
                        .statusCode());
        assertEquals(
                400,
                http.delete("/admin/v1/directory/accounts/not-a-guid", TestUsers.admin())
                        .statusCode());
        assertEquals(
                200,
                http.delete("/admin/v1/directory/accounts/" + account, TestUsers.admin())
                        .statusCode());
        assertEquals(
                404,
                http.delete("/admin/v1/directory/accounts/" + account, TestUsers.admin())
                        .statusCode());
        HttpResponse<String> groupGone = http.delete("/admin/v1/directory/groups/" + group, TestUsers.admin());
        assertEquals(200, groupGone.statusCode(), groupGone.body());
        assertEquals(
                group.toString(),
                AccessFixtures.json(groupGone).get("removedGroups").get(0).asText());
        HttpResponse<String> empty = http.post("/admin/v1/directory/removals", "{}", TestUsers.admin());
        assertEquals(400, empty.statusCode(), empty.body());
    }

    @Test
    void theDirectoryIsReadBackInPagesInNameOrder() {
        AccessFixtures fixtures = new AccessFixtures(http);
        String prefix = "page-" + UUID.randomUUID().toString().substring(0, 6);
        for (String name : List.of("c", "A", "b", "d")) {
            fixtures.account(prefix + name, List.of(), Map.of());
        }
        HttpResponse<String> first =
                http.get("/admin/v1/directory/accounts?limit=3&name=" + prefix.toUpperCase(), TestUsers.admin());
        assertEquals(
                List.of(prefix + "A", prefix + "b", prefix + "c"), names(AccessFixtures.json(first), "samAccountName"));
        String next = first.headers().firstValue("Link").orElseThrow();
        HttpResponse<String> second =
                http.get(next.substring(next.indexOf('<') + 1, next.indexOf('>')), TestUsers.admin());
        assertEquals(List.of(prefix + "d"), names(AccessFixtures.json(second), "samAccountName"));
        assertTrue(second.headers().firstValue("Link").isEmpty());
        assertEquals(
                400,
                http.get("/admin/v1/directory/accounts?cursor=forged", TestUsers.admin())
                        .statusCode());
    }

    @Test
    void aServerWithoutADirectoryRefusesToSync() {
        for (String body : List.of("{}", "")) {
            HttpResponse<String> refused = http.post("/admin/v1/directory/syncs", body, TestUsers.admin());
            assertEquals(422, refused.statusCode(), "body '" + body + "': " + refused.body());
            assertEquals(
                    "directory_not_configured",
                    AccessFixtures.json(refused).get("code").asText());
        }
        HttpResponse<String> badMode =
                http.post("/admin/v1/directory/syncs", "{\"mode\": \"sometimes\"}", TestUsers.admin());
        assertEquals(400, badMode.statusCode(), badMode.body());
        assertEquals("mode", AccessFixtures.json(badMode).get("field").asText());
        assertEquals(
                404,
                http.get("/admin/v1/directory/syncs/" + UUID.randomUUID(), TestUsers.admin())
                        .statusCode());
        assertEquals(
                "[]", http.get("/admin/v1/directory/syncs", TestUsers.admin()).body());
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new java.util.ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    private static List<String> names(JsonNode array, String field) {
        List<String> values = new java.util.ArrayList<>();
        array.forEach(v -> values.add(v.get(field).asText()));
        return values;
    }
}
