package org.openprofiles.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openprofiles.domain.security.Role;

/** Every access-profile route through real HTTP on real PostgreSQL: happy paths, refusals and limits. */
class AccessProfilesRoutesTest extends EndToEndTest {

    private static AccessFixtures fixtures;
    private static TestUsers.Caller reader;
    private static TestUsers.Caller manager;
    private static TestUsers.Caller nobody;

    @BeforeAll
    static void callers() {
        fixtures = new AccessFixtures(http);
        reader = TestUsers.create(server, "reader", Role.PROFILE_READER);
        manager = TestUsers.create(server, "manager", Role.PROFILE_MANAGER);
        nobody = TestUsers.create(server, "nobody");
    }

    private static long count(String sql) {
        return db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    private static HttpResponse<String> createUpdate(String body, String... headers) {
        return http.post("/api/v1/Profiles/CreateUpdate", body, headers.length == 0 ? TestUsers.admin() : headers);
    }

    private static Set<String> errorFields(HttpResponse<String> response) {
        Set<String> fields = new HashSet<>();
        AccessFixtures.json(response)
                .get("errors")
                .forEach(e -> fields.add(e.get("field").asText()));
        return fields;
    }

    @Test
    void readersReadAndOnlyManagersWrite() {
        assertEquals(200, http.get("/api/v1/Profiles/Colors", reader.auth()).statusCode());
        assertEquals(200, http.get("/api/v1/Profiles", reader.auth()).statusCode());
        assertEquals(403, http.get("/api/v1/Profiles", nobody.auth()).statusCode());
        assertEquals(
                403, http.get("/api/v1/Profiles/Configuration", nobody.auth()).statusCode());
        HttpResponse<String> refused = createUpdate("{\"name\":\"By reader\",\"color\":1}", reader.auth());
        assertEquals(403, refused.statusCode());
        assertEquals(
                "application/problem+json",
                refused.headers().firstValue("Content-Type").orElse(""));
        HttpResponse<String> created = createUpdate("{\"name\":\"By manager\",\"color\":1}", manager.auth());
        assertEquals(201, created.statusCode(), created.body());
        assertEquals(
                403,
                http.post("/admin/v1/directory/groups", "[]", manager.auth()).statusCode(),
                "the directory is the admin's");
    }

    @Test
    void aCallerWithoutTheRoleIsRefusedBeforeItsBodyIsRead() {
        for (String path : List.of(
                "/api/v1/Profiles/CreateUpdate",
                "/api/v1/Profiles/Assign",
                "/api/v1/Profiles/AdditionalProfileInformation")) {
            HttpResponse<String> refused = http.post(path, "{ this is not JSON", nobody.auth());
            assertEquals(403, refused.statusCode(), path + ": " + refused.body());
        }
        assertEquals(
                403,
                http.post("/api/v1/Profiles/Unassign", "{[", reader.auth()).statusCode(),
                "a reader may not write, whatever it sends");
    }

    @Test
    void colorsAreAFixedPaletteOfAtLeastSixteenIndexedFromZero() {
        JsonNode colors = AccessFixtures.json(http.get("/API/V1/PROFILES/COLORS", reader.auth()));
        assertTrue(colors.size() >= 16);
        for (int i = 0; i < colors.size(); i++) {
            assertEquals(i, colors.get(i).get("index").asInt());
            assertTrue(colors.get(i).get("hex").asText().matches("#[0-9A-F]{6}"));
            assertFalse(colors.get(i).get("name").asText().isBlank());
        }
    }

    @Test
    void aProfileWithGroupsAndAttributesRoundTripsInCanonicalFormAndDerivesInitials() {
        List<UUID> groups = fixtures.groups("Sales Staff", "VPN Users");
        String body = """
                {"name": "  Human Resources ", "description": "HR", "color": 3,
                 "groups": [{"id": "%s", "displayName": "ignored"}, {"guid": "%s"}],
                 "ldapAttributes": [{"key": "Department", "value": "HR"}, {"key": "accountExpires", "value": "2030-01-31"}]}
                """.formatted(groups.get(0), groups.get(1));
        HttpResponse<String> created = createUpdate(body);
        assertEquals(201, created.statusCode(), created.body());
        JsonNode profile = AccessFixtures.json(created).get("profile");
        assertEquals("Human Resources", profile.get("name").asText());
        assertEquals("HR", profile.get("initials").asText());
        assertEquals(
                "Sales Staff", profile.get("groups").get(0).get("displayName").asText());
        assertEquals(
                groups.get(1).toString(), profile.get("groups").get(1).get("id").asText());
        assertEquals(
                "department", profile.get("ldapAttributes").get(0).get("key").asText());
        assertEquals(
                "2030-01-31T00:00:00",
                profile.get("ldapAttributes").get(1).get("value").asText());
        assertEquals("\"1\"", created.headers().firstValue("ETag").orElse(""));
    }

    @Test
    void propertyNamesMatchInAnyCaseAndTypeTagsAreTolerated() {
        String body = """
                {"$type": "Pn.Profiles.ProfileModel, Pn", "Type": "6E2B77D2-22A8-44D7-BAB0-852573F89227",
                 "Name": "Pascal Case", "COLOR": 7, "Initials": "PC", "Groups": [],
                 "LdapAttributes": [{"$type": "kv", "Key": "title", "Value": "Engineer"}]}
                """;
        HttpResponse<String> created = createUpdate(body);
        assertEquals(201, created.statusCode(), created.body());
        assertEquals(
                "PC",
                AccessFixtures.json(created).get("profile").get("initials").asText());
        HttpResponse<String> unknown = createUpdate("{\"name\": \"Bogus\", \"color\": 1, \"bogus\": 1}");
        assertEquals(400, unknown.statusCode());
        assertTrue(unknown.body().contains("bogus"), unknown.body());
    }

    @Test
    void invalidProfilesAreRefusedWithEveryErrorAndNothingIsWritten() {
        long profiles = count("SELECT count(*) FROM access_profile");
        long events = count("SELECT count(*) FROM audit_event");
        String body = """
                {"name": "", "color": 99, "initials": "ABCD",
                 "groups": [{"id": "not-a-guid"}, {"id": "%s"}],
                 "ldapAttributes": [{"key": "shoeSize", "value": "42"}, {"key": "comment", "value": "%s"},
                                    {"key": "accountexpires", "value": "someday"}]}
                """.formatted(UUID.randomUUID(), "x".repeat(1025));
        HttpResponse<String> refused = createUpdate(body);
        assertEquals(400, refused.statusCode(), refused.body());
        JsonNode result = AccessFixtures.json(refused);
        assertFalse(result.get("success").asBoolean());
        assertEquals(
                Set.of(
                        "name",
                        "color",
                        "initials",
                        "groups[0]",
                        "groups[1]",
                        "ldapAttributes[0]",
                        "ldapAttributes[1]",
                        "ldapAttributes[2]"),
                errorFields(refused));
        assertTrue(refused.body().contains("attribute 'comment' must be at most 1024 characters"), refused.body());
        assertTrue(refused.body().contains("attribute 'shoesize' is not in the attribute catalog"), refused.body());
        assertEquals(profiles, count("SELECT count(*) FROM access_profile"));
        assertEquals(events, count("SELECT count(*) FROM audit_event"));
    }

    @Test
    void namesAreUniqueRegardlessOfCaseAndSpaces() {
        assertEquals(201, createUpdate("{\"name\": \"Finance\", \"color\": 1}").statusCode());
        HttpResponse<String> duplicate = createUpdate("{\"name\": \" FINANCE \", \"color\": 2}");
        assertEquals(409, duplicate.statusCode(), duplicate.body());
        assertEquals(Set.of("name"), errorFields(duplicate));
    }

    @Test
    void anUpdateNamingAStaleVersionIsRefusedAndACurrentOneApplies() {
        UUID id = fixtures.profile("Versioned", 1, List.of(), Map.of());
        String update = "{\"id\": \"" + id + "\", \"name\": \"Versioned\", \"color\": 2}";
        HttpResponse<String> stale =
                createUpdate(update, "Authorization", "Bearer " + TestServers.ADMIN_TOKEN, "If-Match", "\"7\"");
        assertEquals(412, stale.statusCode(), stale.body());
        HttpResponse<String> staleBody = createUpdate(update.replace("}", ", \"version\": 7}"));
        assertEquals(409, staleBody.statusCode(), staleBody.body());
        HttpResponse<String> current =
                createUpdate(update, "Authorization", "Bearer " + TestServers.ADMIN_TOKEN, "If-Match", "\"1\"");
        assertEquals(200, current.statusCode(), current.body());
        JsonNode result = AccessFixtures.json(current);
        assertFalse(result.get("created").asBoolean());
        assertEquals(2, result.get("version").asLong());
        assertEquals(2, result.get("profile").get("color").asInt());
        assertEquals("\"2\"", current.headers().firstValue("ETag").orElse(""));
    }

    @Test
    void ofConcurrentUpdatesOfTheSameVersionExactlyOneWins() throws Exception {
        UUID id = fixtures.profile("Contended", 1, List.of(), Map.of());
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<Integer>> updates = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String body = "{\"id\": \"" + id + "\", \"name\": \"Contended\", \"color\": " + (i + 2) + "}";
                updates.add(() -> createUpdate(
                                body, "Authorization", "Bearer " + TestServers.ADMIN_TOKEN, "If-Match", "\"1\"")
                        .statusCode());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(updates)) {
                statuses.add(f.get());
            }
            assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
            assertEquals(5, statuses.stream().filter(s -> s == 412).count(), statuses.toString());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(2, count("SELECT version FROM access_profile WHERE id = '" + id + "'"));
    }

    @Test
    void anUnknownIdCreatesAProfileWithThatIdAndTheNilGuidCreatesANewOne() {
        UUID chosen = UUID.randomUUID();
        HttpResponse<String> created = createUpdate("{\"id\": \"" + chosen + "\", \"name\": \"Chosen\", \"color\": 1}");
        assertEquals(201, created.statusCode(), created.body());
        assertEquals(chosen.toString(), AccessFixtures.json(created).get("id").asText());
        HttpResponse<String> nil =
                createUpdate("{\"id\": \"00000000-0000-0000-0000-000000000000\", \"name\": \"Nil\", \"color\": 1}");
        assertEquals(201, nil.statusCode(), nil.body());
        assertFalse(AccessFixtures.json(nil).get("id").asText().startsWith("00000000"));
    }

    @Test
    void deleteRemovesTheProfileAndItsAssignmentsInOneAuditedChange() {
        List<UUID> groups = fixtures.groups("Doomed Group");
        UUID alice = fixtures.account("del-alice", groups, Map.of());
        UUID bob = fixtures.account("del-bob", List.of(), Map.of());
        UUID id = fixtures.profile("Doomed", 1, groups, Map.of("department", "Gone"));
        fixtures.assign(id, alice, bob);
        HttpResponse<String> deleted = http.delete("/api/v1/Profiles/Delete?profileId=" + id, manager.auth());
        assertEquals(200, deleted.statusCode(), deleted.body());
        JsonNode result = AccessFixtures.json(deleted);
        assertTrue(result.get("success").asBoolean());
        assertEquals(2, result.get("removedAssignments").asLong());
        assertEquals(0, count("SELECT count(*) FROM profile_assignment WHERE profile_id = '" + id + "'"));
        assertEquals(0, count("SELECT count(*) FROM access_profile_group WHERE profile_id = '" + id + "'"));
        assertEquals(
                1,
                count("SELECT count(*) FROM audit_event WHERE action = 'access-profile.delete' AND object_id = '" + id
                        + "'"));
        HttpResponse<String> again = http.delete("/api/v1/Profiles/Delete?profileId=" + id, manager.auth());
        assertEquals(404, again.statusCode());
        assertFalse(AccessFixtures.json(again).get("success").asBoolean());
        assertEquals(
                400,
                http.delete("/api/v1/Profiles/Delete?profileId=nope", manager.auth())
                        .statusCode());
        assertEquals(400, http.delete("/api/v1/Profiles/Delete", manager.auth()).statusCode());
    }

    @Test
    void theListIsOrderedByNamePagedWithALinkHeaderAndFilterable() {
        for (String name : List.of("paging-c", "Paging-a", "paging-B")) {
            fixtures.profile(name, 1, List.of(), Map.of());
        }
        HttpResponse<String> first = http.get("/api/v1/Profiles?search=PAGING-&limit=2", reader.auth());
        assertEquals(200, first.statusCode(), first.body());
        JsonNode page = AccessFixtures.json(first);
        assertEquals(
                List.of("Paging-a", "paging-B"),
                List.of(
                        page.get(0).get("name").asText(),
                        page.get(1).get("name").asText()));
        String link = first.headers().firstValue("Link").orElseThrow();
        assertTrue(link.endsWith("rel=\"next\""), link);
        String next = link.substring(link.indexOf('<') + 1, link.indexOf('>'));
        JsonNode second = AccessFixtures.json(http.get(next.substring(next.indexOf("/api/")), reader.auth()));
        assertEquals(1, second.size());
        assertEquals("paging-c", second.get(0).get("name").asText());
        JsonNode byName = AccessFixtures.json(http.get("/api/v1/Profiles?name=PAGING-B", reader.auth()));
        assertEquals(1, byName.size());
        assertEquals(400, http.get("/api/v1/Profiles?limit=0", reader.auth()).statusCode());
    }

    @Test
    void additionalInformationNeedsKnownWellFormedIds() {
        assertEquals(
                404,
                http.get("/api/v1/Profiles?AdditionalProfileInformation=" + UUID.randomUUID(), reader.auth())
                        .statusCode());
        HttpResponse<String> malformed = http.get("/api/v1/Profiles?additionalprofileinformation=xyz", reader.auth());
        assertEquals(400, malformed.statusCode());
        assertTrue(malformed.body().contains("AdditionalProfileInformation"), malformed.body());
    }

    @Test
    void assigningNeedsACommentKnownAccountsAndAManager() {
        UUID account = fixtures.account("assign-me", List.of(), Map.of());
        UUID profile = fixtures.profile("Assignable", 1, List.of(), Map.of());
        String body = "{\"profileId\": \"" + profile + "\", \"accountIds\": [\"" + account + "\"]";
        assertEquals(
                400,
                http.post("/api/v1/Profiles/Assign", body + "}", manager.auth()).statusCode());
        assertEquals(
                403,
                http.post("/api/v1/Profiles/Assign", body + ", \"comment\": \"x\"}", reader.auth())
                        .statusCode());
        HttpResponse<String> unknown = http.post(
                "/api/v1/Profiles/Assign",
                "{\"profileId\": \"" + profile + "\", \"accountIds\": [\"" + UUID.randomUUID()
                        + "\"], \"comment\": \"x\"}",
                manager.auth());
        assertEquals(404, unknown.statusCode());
        HttpResponse<String> assigned =
                http.post("/api/v1/Profiles/Assign", body + ", \"comment\": \"new hire\"}", manager.auth());
        assertEquals(200, assigned.statusCode(), assigned.body());
        assertEquals(1, AccessFixtures.json(assigned).get("changed").asInt());
        HttpResponse<String> again =
                http.post("/api/v1/Profiles/Assign", body + ", \"comment\": \"again\"}", manager.auth());
        assertEquals(1, AccessFixtures.json(again).get("unchanged").asInt());
        assertEquals(
                "new hire",
                db.jdbi()
                        .withHandle(h -> h.createQuery(
                                        "SELECT comment FROM profile_assignment WHERE profile_id = '" + profile + "'")
                                .mapTo(String.class)
                                .one()));
        assertEquals(
                2,
                count("SELECT count(*) FROM audit_event WHERE action = 'access-profile.assign' AND object_id = '"
                        + profile + "'"));
        HttpResponse<String> unassigned = http.post("/api/v1/Profiles/Unassign", body + "}", manager.auth());
        assertEquals(1, AccessFixtures.json(unassigned).get("changed").asInt());
        assertEquals(0, count("SELECT count(*) FROM profile_assignment WHERE profile_id = '" + profile + "'"));
    }

    @Test
    void accountAndProfileLookupsAnswer404ForUnknownAnd400ForMalformedIds() {
        for (String route : List.of(
                "AttributesByAccount?accountId=", "GroupsByAccount?accountId=", "AssignmentsByProfileId?profileId=")) {
            HttpResponse<String> unknown = http.get("/api/v1/Profiles/" + route + UUID.randomUUID(), reader.auth());
            assertEquals(404, unknown.statusCode(), route);
            assertEquals(
                    "application/problem+json",
                    unknown.headers().firstValue("Content-Type").orElse(""));
            assertEquals(
                    400,
                    http.get("/api/v1/Profiles/" + route + "12345", reader.auth())
                            .statusCode(),
                    route);
        }
        assertEquals(
                400, http.get("/api/v1/Profiles/GroupsByAccount", reader.auth()).statusCode());
    }

    @Test
    void listAndComplianceRoutesRunTheSameNumberOfStatementsWhateverTheProfilesHold() {
        List<UUID> few = fixtures.groups("few-1");
        List<UUID> many = fixtures.groups(
                "many-01", "many-02", "many-03", "many-04", "many-05", "many-06", "many-07", "many-08", "many-09",
                "many-10", "many-11", "many-12");
        UUID small = fixtures.profile("stmt-small", 1, few, Map.of("title", "A"));
        UUID large = fixtures.profile("stmt-large", 1, many, Map.of("title", "B", "department", "C", "company", "D"));
        UUID a1 = fixtures.account("stmt-a1", List.of(), Map.of());
        fixtures.assign(small, a1);
        List<UUID> largeAccounts = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            largeAccounts.add(fixtures.account("stmt-b" + i, many.subList(0, i), Map.of()));
        }
        fixtures.assign(large, largeAccounts.toArray(UUID[]::new));

        assertEquals(statements("/api/v1/Profiles?name=stmt-small"), statements("/api/v1/Profiles?search=stmt-"));
        assertEquals(
                statements("/api/v1/Profiles?AdditionalProfileInformation=" + small),
                statements("/api/v1/Profiles?AdditionalProfileInformation=" + small + "," + large));
        assertEquals(
                statements("/api/v1/Profiles/AssignmentsByProfileId?profileId=" + small),
                statements("/api/v1/Profiles/AssignmentsByProfileId?profileId=" + large));
        assertEquals(
                statements("/api/v1/Profiles/Compliance?profileId=" + small),
                statements("/api/v1/Profiles/Compliance?profileId=" + large));
        assertEquals(
                statements("/api/v1/Profiles/GroupsByAccount?accountId=" + a1),
                statements("/api/v1/Profiles/GroupsByAccount?accountId=" + largeAccounts.get(7)));
        assertTrue(statements("/api/v1/Profiles/Compliance?profileId=" + large) <= 8);
    }

    @Test
    void savingAndDeletingAProfileRunTheSameNumberOfStatementsWhateverItHolds() {
        List<UUID> groups =
                fixtures.groups("w-01", "w-02", "w-03", "w-04", "w-05", "w-06", "w-07", "w-08", "w-09", "w-10");
        long small = saveStatements("write-small", groups.subList(0, 1), Map.of("title", "T"));
        long large = saveStatements("write-large", groups, Map.of("title", "T", "department", "D", "company", "C"));
        assertEquals(small, large);
    }

    private static long saveStatements(String name, List<UUID> groups, Map<String, String> attributes) {
        long before = server.database().statements().count();
        UUID id = fixtures.profile(name, 1, groups, attributes);
        String update = AccessFixtures.write(Map.of(
                "id",
                id.toString(),
                "name",
                name,
                "color",
                2,
                "groups",
                groups.stream().map(g -> Map.of("id", g.toString())).toList()));
        assertEquals(200, createUpdate(update).statusCode());
        assertEquals(
                200,
                http.delete("/api/v1/Profiles/Delete?profileId=" + id, TestUsers.admin())
                        .statusCode());
        return server.database().statements().count() - before;
    }

    private static long statements(String path) {
        long before = server.database().statements().count();
        HttpResponse<String> response = http.get(path, reader.auth());
        assertEquals(200, response.statusCode(), response.body());
        return server.database().statements().count() - before;
    }

    @Test
    void aListPageStopsWhenItsProfilesCarryTenThousandGroupsAndLinksToTheRest() {
        String[] names = new String[4_000];
        for (int i = 0; i < names.length; i++) {
            names[i] = "budget-group-" + i;
        }
        List<java.util.UUID> groups = fixtures.groups(names);
        for (String name : List.of("Budget A", "Budget B", "Budget C")) {
            fixtures.profile(name, 1, groups, java.util.Map.of());
        }
        HttpResponse<String> first = http.get("/api/v1/Profiles?search=Budget", reader.auth());
        assertEquals(200, first.statusCode());
        assertEquals(List.of("Budget A", "Budget B"), names(first), "the third would pass 10,000 groups");
        String link = first.headers().firstValue("Link").orElseThrow();
        String next = link.substring(link.indexOf('<') + 1, link.indexOf('>'));
        HttpResponse<String> rest = http.get(next.substring(next.indexOf("/api/v1")), reader.auth());
        assertEquals(List.of("Budget C"), names(rest));
        assertEquals(4_000, AccessFixtures.json(rest).get(0).get("groups").size(), "a listed profile is whole");
    }

    private static List<String> names(HttpResponse<String> response) {
        List<String> found = new java.util.ArrayList<>();
        AccessFixtures.json(response).forEach(p -> found.add(p.get("name").asText()));
        return found;
    }
}
