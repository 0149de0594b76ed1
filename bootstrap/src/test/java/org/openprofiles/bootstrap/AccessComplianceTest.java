package org.openprofiles.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openprofiles.domain.security.Role;

/**
 * Compliance on a small directory with known deviations. Profile Sales requires groups Sales and
 * VPN and department=Sales: alice meets it, bob lacks VPN, carol has department Marketing, and
 * dave has no profile at all.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AccessComplianceTest extends EndToEndTest {

    private static TestUsers.Caller reader;
    private static UUID sales;
    private static UUID alice;
    private static UUID bob;
    private static UUID carol;
    private static UUID dave;
    private static UUID salesGroup;
    private static UUID vpnGroup;

    @BeforeAll
    static void directory() {
        AccessFixtures fixtures = new AccessFixtures(http);
        reader = TestUsers.create(server, "compliance-reader", Role.PROFILE_READER);
        List<UUID> groups = fixtures.groups("Sales", "VPN", "Canteen");
        salesGroup = groups.get(0);
        vpnGroup = groups.get(1);
        alice = fixtures.account("alice", List.of(salesGroup, vpnGroup, groups.get(2)), Map.of("department", "Sales"));
        bob = fixtures.account("bob", List.of(salesGroup), Map.of("department", "Sales"));
        carol = fixtures.account("carol", List.of(salesGroup, vpnGroup), Map.of("department", "Marketing"));
        dave = fixtures.account("dave", List.of(), Map.of());
        sales = fixtures.profile("Sales", 6, List.of(salesGroup, vpnGroup), Map.of("department", "Sales"));
        fixtures.assign(sales, alice, bob, carol);
    }

    private static Map<String, JsonNode> byUser(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        Map<String, JsonNode> lines = new HashMap<>();
        AccessFixtures.json(response)
                .forEach(line -> lines.put(line.get("userName").asText(), line));
        return lines;
    }

    @Test
    @Order(1)
    void theReportNamesEachAccountsDeviations() {
        Map<String, JsonNode> report = byUser(http.get("/api/v1/Profiles/Compliance", reader.auth()));
        assertEquals(4, report.size());
        assertFalse(report.get("alice").get("isNonCompliant").asBoolean());

        JsonNode bobLine = report.get("bob");
        assertTrue(bobLine.get("isNonCompliant").asBoolean());
        assertEquals(1, bobLine.get("missingGroups").size());
        assertEquals(
                vpnGroup.toString(),
                bobLine.get("missingGroups").get(0).get("groupId").asText());
        assertEquals("VPN", bobLine.get("missingGroups").get(0).get("name").asText());
        assertEquals(0, bobLine.get("wrongAttributes").size());
        assertEquals("corp.example.com", bobLine.get("fqdn").asText());

        JsonNode carolLine = report.get("carol");
        assertEquals(0, carolLine.get("missingGroups").size());
        JsonNode wrong = carolLine.get("wrongAttributes").get(0);
        assertEquals(
                List.of("department", "Sales", "Marketing", sales.toString()),
                List.of(
                        wrong.get("key").asText(),
                        wrong.get("expected").asText(),
                        wrong.get("actual").asText(),
                        wrong.get("profileId").asText()));

        JsonNode daveLine = report.get("dave");
        assertTrue(daveLine.get("isNonCompliant").asBoolean());
        assertTrue(daveLine.get("hasNoProfile").asBoolean(), "unassigned accounts are non-compliant by default");
    }

    @Test
    @Order(2)
    void theReportFiltersByProfileAndNonCompliantOnlyAndPagesByUserName() {
        assertEquals(
                List.of("bob", "carol", "dave"),
                names(http.get("/api/v1/Profiles/Compliance?nonCompliantOnly=true", reader.auth())));
        assertEquals(
                List.of("alice", "bob", "carol"),
                names(http.get("/api/v1/Profiles/Compliance?profileId=" + sales, reader.auth())));
        HttpResponse<String> first = http.get("/api/v1/Profiles/Compliance?limit=3", reader.auth());
        assertEquals(List.of("alice", "bob", "carol"), names(first));
        String link = first.headers().firstValue("Link").orElseThrow();
        String next = link.substring(link.indexOf("/api/"), link.indexOf('>'));
        assertEquals(List.of("dave"), names(http.get(next, reader.auth())));
        assertEquals(
                404,
                http.get("/api/v1/Profiles/Compliance?profileId=" + UUID.randomUUID(), reader.auth())
                        .statusCode());
        assertEquals(
                400,
                http.get("/api/v1/Profiles/Compliance?nonCompliantOnly=maybe", reader.auth())
                        .statusCode());
    }

    @Test
    @Order(3)
    void assignmentsSayWhichAccountsDeviateFromTheProfile() {
        HttpResponse<String> response =
                http.get("/api/v1/Profiles/AssignmentsByProfileId?profileId=" + sales, reader.auth());
        assertEquals(200, response.statusCode(), response.body());
        JsonNode assignments = AccessFixtures.json(response);
        assertEquals(3, assignments.size());
        JsonNode first = assignments.get(0);
        assertEquals(
                List.of(
                        "ProfileId",
                        "UserId",
                        "Fqdn",
                        "UserName",
                        "IsNonCompliant",
                        "DisplayName",
                        "Comment",
                        "AssignedAt"),
                fieldNames(first));
        assertEquals(
                List.of(sales.toString(), alice.toString(), "corp.example.com", "ALICE", "false"),
                List.of(
                        first.get("ProfileId").asText(),
                        first.get("UserId").asText(),
                        first.get("Fqdn").asText(),
                        first.get("UserName").asText(),
                        first.get("IsNonCompliant").asText()));
        assertTrue(assignments.get(1).get("IsNonCompliant").asBoolean());
        assertTrue(assignments.get(2).get("IsNonCompliant").asBoolean());
        assertEquals(
                first.get("DisplayName").asText(),
                first.get("UserName").asText(),
                "the vendor: UserName is the user's display name (the fixture writes it in capitals)");
    }

    @Test
    @Order(3)
    void withoutAProfileIdEveryAssignmentIsListedPaged() {
        List<JsonNode> all = new java.util.ArrayList<>();
        String next = "/api/v1/Profiles/AssignmentsByProfileId?limit=2";
        int pages = 0;
        while (next != null) {
            HttpResponse<String> page = http.get(next, reader.auth());
            assertEquals(200, page.statusCode(), page.body());
            AccessFixtures.json(page).forEach(all::add);
            pages++;
            next = page.headers()
                    .firstValue("Link")
                    .map(link -> link.substring(link.indexOf('<') + 1, link.indexOf('>')))
                    .map(uri -> uri.substring(uri.indexOf("/api/")))
                    .orElse(null);
        }
        assertTrue(pages > 1, "more assignments than one page of 2");
        assertEquals(
                3,
                all.stream()
                        .filter(a -> a.get("ProfileId").asText().equals(sales.toString()))
                        .count(),
                "the sales profile's assignments are among them");
        List<String> keys = all.stream()
                .map(a -> a.get("UserId").asText() + "/" + a.get("ProfileId").asText())
                .toList();
        assertEquals(keys.stream().sorted().toList(), keys, "by account id, then profile id");
    }

    @Test
    @Order(4)
    void additionalInformationCountsAssignedAndNonCompliantAccounts() {
        UUID empty = new AccessFixtures(http).profile("Nobody's", 2, List.of(), Map.of());
        HttpResponse<String> response = http.post(
                "/api/v1/Profiles/AdditionalProfileInformation",
                "[\"" + sales + "\", \"" + empty + "\"]",
                reader.auth());
        assertEquals(200, response.statusCode(), response.body());
        JsonNode usage = AccessFixtures.json(response);
        assertEquals(3, usage.get(sales.toString()).get("assignedAccounts").asLong());
        assertEquals(2, usage.get(sales.toString()).get("nonCompliantAccounts").asLong());
        assertEquals(0, usage.get(empty.toString()).get("assignedAccounts").asLong());
        assertEquals(
                404,
                http.post(
                                "/api/v1/Profiles/AdditionalProfileInformation",
                                "[\"" + UUID.randomUUID() + "\"]",
                                reader.auth())
                        .statusCode());
        assertEquals(
                400,
                http.post("/api/v1/Profiles/AdditionalProfileInformation", "[\"x\"]", reader.auth())
                        .statusCode());
    }

    @Test
    @Order(5)
    void groupsAndAttributesByAccountShowWhatTheProfilesRequireAndWhetherItIsMet() {
        JsonNode groups =
                AccessFixtures.json(http.get("/api/v1/Profiles/GroupsByAccount?accountId=" + bob, reader.auth()));
        assertEquals(2, groups.size());
        assertEquals(
                List.of("Sales", "true", "VPN", "false"),
                List.of(
                        groups.get(0).get("displayName").asText(),
                        groups.get(0).get("isMember").asText(),
                        groups.get(1).get("displayName").asText(),
                        groups.get(1).get("isMember").asText()));
        assertEquals(sales.toString(), groups.get(0).get("profileId").asText());
        JsonNode attributes =
                AccessFixtures.json(http.get("/api/v1/Profiles/AttributesByAccount?accountId=" + carol, reader.auth()));
        assertEquals(1, attributes.size());
        assertEquals(
                List.of("department", "Department", "Sales", "Marketing", "false"),
                List.of(
                        attributes.get(0).get("key").asText(),
                        attributes.get(0).get("label").asText(),
                        attributes.get(0).get("value").asText(),
                        attributes.get(0).get("actualValue").asText(),
                        attributes.get(0).get("isCompliant").asText()));
        assertEquals(
                0,
                AccessFixtures.json(http.get("/api/v1/Profiles/GroupsByAccount?accountId=" + dave, reader.auth()))
                        .size());
    }

    @Test
    @Order(6)
    void whenAdminsTurnTheOptionOffAccountsWithoutProfilesAreCompliant() {
        HttpResponse<String> forbidden = http.put(
                "/admin/v1/access/configuration", "{\"areUnassignedAccountsNonCompliant\": false}", reader.auth());
        assertEquals(403, forbidden.statusCode());
        HttpResponse<String> changed = http.put(
                "/admin/v1/access/configuration", "{\"areUnassignedAccountsNonCompliant\": false}", TestUsers.admin());
        assertEquals(200, changed.statusCode(), changed.body());
        JsonNode configuration = AccessFixtures.json(http.get("/api/v1/Profiles/Configuration", reader.auth()));
        JsonNode checkbox = configuration.get("templates").get(0).get("value");
        assertEquals(
                List.of("False", "false", "true"),
                List.of(
                        checkbox.get("summary").asText(),
                        checkbox.get("value").asText(),
                        checkbox.get("defaultValue").asText()));
        assertEquals(
                List.of("bob", "carol"),
                names(http.get("/api/v1/Profiles/Compliance?nonCompliantOnly=true", reader.auth())));
        assertEquals(1L, (long) db.jdbi()
                .withHandle(
                        h -> h.createQuery("SELECT count(*) FROM audit_event WHERE action = 'access-settings.change'")
                                .mapTo(Long.class)
                                .one()));
    }

    @Test
    @Order(7)
    void directoryImportsAndProfileChangesAreReflectedAtOnce() {
        String carolFixed = AccessFixtures.write(List.of(Map.of(
                "id",
                carol.toString(),
                "samAccountName",
                "carol",
                "groups",
                List.of(salesGroup.toString(), vpnGroup.toString()),
                "attributes",
                Map.of("department", "Sales"))));
        assertEquals(
                200,
                http.post("/admin/v1/directory/accounts", carolFixed, TestUsers.admin())
                        .statusCode());
        assertEquals(
                List.of("bob"), names(http.get("/api/v1/Profiles/Compliance?nonCompliantOnly=true", reader.auth())));
        String withoutVpn = AccessFixtures.write(Map.of(
                "id",
                sales.toString(),
                "name",
                "Sales",
                "color",
                6,
                "groups",
                List.of(Map.of("id", salesGroup.toString())),
                "ldapAttributes",
                List.of(Map.of("key", "department", "value", "Sales"))));
        assertEquals(
                200,
                http.post("/api/v1/Profiles/CreateUpdate", withoutVpn, TestUsers.admin())
                        .statusCode());
        assertEquals(List.of(), names(http.get("/api/v1/Profiles/Compliance?nonCompliantOnly=true", reader.auth())));
        JsonNode usage = AccessFixtures.json(
                http.post("/api/v1/Profiles/AdditionalProfileInformation", "[\"" + sales + "\"]", reader.auth()));
        assertEquals(0, usage.get(sales.toString()).get("nonCompliantAccounts").asLong());
        AccessFixtures.json(http.get("/api/v1/Profiles/AssignmentsByProfileId?profileId=" + sales, reader.auth()))
                .forEach(a -> assertFalse(a.get("IsNonCompliant").asBoolean(), a.toString()));
    }

    private static List<String> names(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        List<String> names = new ArrayList<>();
        AccessFixtures.json(response)
                .forEach(line -> names.add(line.get("userName").asText()));
        return names;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
