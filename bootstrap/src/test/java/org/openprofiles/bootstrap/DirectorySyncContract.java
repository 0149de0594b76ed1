package org.openprofiles.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openprofiles.adapter.ldap.LdapSettings;
import org.openprofiles.adapter.ldap.testing.DirectoryServer;
import org.openprofiles.application.access.DirectorySyncRunner;
import org.openprofiles.domain.security.Role;

/**
 * The directory sync end to end: a real server on PostgreSQL syncing from a real LDAP server the
 * test starts with the phase-1 fixture (four accounts — one disabled, one entry without a login —
 * and seven groups nested, one pair circularly), read in pages of two. Run once per preset and
 * server: Active Directory on the in-memory server, OpenLDAP on the in-memory server and, where
 * installed, on slapd. Each test gets a fresh database and a freshly loaded directory.
 */
abstract class DirectorySyncContract {

    /** The fixture's names on one kind of server. */
    record Names(
            String allStaff,
            String sales,
            String salesEmea,
            String finance,
            String helpdesk,
            String admins,
            String vpn,
            String departmentKey,
            String accountDn,
            String groupDn) {

        String dnOf(String login, String cn) {
            return accountDn.formatted(login, cn);
        }
    }

    static final Names ACTIVE_DIRECTORY = new Names(
            "All Staff",
            "Sales",
            "Sales EMEA",
            "Finance",
            "Helpdesk",
            "Admins",
            "VPN Users",
            "department",
            "CN=%2$s,OU=Staff,DC=corp,DC=example,DC=com",
            "CN=%s,OU=Groups,DC=corp,DC=example,DC=com");

    static final Names OPENLDAP = new Names(
            "all-staff",
            "sales",
            "sales-emea",
            "finance",
            "helpdesk",
            "admins",
            "vpn-users",
            "departmentnumber",
            "uid=%1$s,ou=people,dc=example,dc=org",
            "cn=%s,ou=groups,dc=example,dc=org");

    /** A started server holding the fixture. */
    abstract DirectoryServer startDirectory() throws Exception;

    abstract LdapSettings.Preset preset();

    abstract Names names();

    DirectoryHarness harness;

    DirectoryHarness start(Map<Setting<?>, String> settings) throws Exception {
        harness = DirectoryHarness.start(startDirectory(), preset(), settings);
        return harness;
    }

    @AfterEach
    void stop() {
        if (harness != null) {
            harness.close();
        }
    }

    /** Searches (pages) the fixture takes before the first page of accounts is done. */
    int searchesBeforeTheFirstAccountPage() {
        return 4;
    }

    @Test
    void aFullSyncLoadsEveryGroupAndAccountWithNestedMembershipsAndDisabledAccountsInPages() throws Exception {
        DirectoryHarness h = start(Map.of());
        Names n = names();
        JsonNode started = h.startSync("full");
        assertEquals("on-demand", started.get("trigger").asText());

        JsonNode sync = h.awaitSync(started.get("id").asText());

        assertEquals("succeeded", sync.get("state").asText(), sync.toString());
        assertEquals("full", sync.get("scope").asText());
        JsonNode counts = sync.get("counts");
        assertEquals(
                List.of(7, 7, 0, 0, 0), counts(counts.get("groups"), "read", "added", "changed", "removed", "kept"));
        assertEquals(List.of(4, 4, 0, 0), counts(counts.get("accounts"), "read", "added", "changed", "removed"));
        assertEquals(1, counts.get("skippedEntries").asInt(), "Dave Dunn has no login");
        assertTrue(sync.get("warnings").get(0).asText().contains("Dave Dunn"), sync.toString());
        assertEquals(7, counts.get("pagesRead").asInt(), "7 groups and 5 account entries in pages of 2");
        assertEquals("done", sync.get("progress").get("phase").asText());
        assertEquals(100, sync.get("progress").get("percent").asInt());
        assertEquals(4, sync.get("compliance").get("accounts").asInt());
        assertEquals(4, sync.get("compliance").get("nonCompliant").asInt(), "nobody has a profile yet");

        Map<String, JsonNode> accounts = h.accounts();
        assertEquals(List.of("alice", "bob", "carol", "eve"), List.copyOf(accounts.keySet()));
        assertFalse(accounts.get("carol").get("enabled").asBoolean(), "disabled in the directory");
        assertTrue(accounts.get("alice").get("enabled").asBoolean());
        assertEquals("Alice Archer", accounts.get("alice").get("displayName").asText());
        assertEquals(sorted(n.allStaff(), n.sales(), n.salesEmea()), h.membershipsOf("alice"), "nested");
        assertEquals(sorted(n.allStaff(), n.finance()), h.membershipsOf("bob"));
        assertEquals(sorted(n.helpdesk(), n.admins()), h.membershipsOf("carol"), "circular nesting ends");
        assertEquals("Account Manager", h.attributeOf("alice", "title"));
        assertEquals("Sales", h.attributeOf("alice", n.departmentKey()));
        assertEquals(
                Set.of(n.allStaff(), n.sales(), n.salesEmea(), n.finance(), n.helpdesk(), n.admins(), n.vpn()),
                h.groups().keySet());

        List<JsonNode> salesGroups = h.all(
                "/admin/v1/directory/groups?name=" + n.sales().toUpperCase().replace(' ', '+'));
        assertEquals(
                List.of(n.sales(), n.salesEmea()),
                salesGroups.stream().map(g -> g.get("name").asText()).toList(),
                "filtered by the start of the name, ignoring case");
        assertEquals(
                List.of("alice"),
                h.all("/admin/v1/directory/accounts?name=AL").stream()
                        .map(a -> a.get("samAccountName").asText())
                        .toList());

        HttpResponse<String> audit = h.http.get(
                "/admin/v1/audit?action=directory.sync&objectId="
                        + sync.get("id").asText(),
                TestUsers.admin());
        assertEquals(200, audit.statusCode(), audit.body());
        assertEquals(
                "succeeded",
                AccessFixtures.json(audit).get(0).get("after").get("state").asText());

        TestUsers.Caller reader = TestUsers.create(h.server, "reader", Role.PROFILE_READER);
        assertEquals(200, h.http.get("/admin/v1/directory/syncs", reader.auth()).statusCode());
        assertEquals(
                200, h.http.get("/admin/v1/directory/accounts", reader.auth()).statusCode());
        assertEquals(
                403,
                h.http.post("/admin/v1/directory/syncs", "{}", reader.auth()).statusCode());

        JsonNode again = h.sync();
        assertEquals(
                List.of(7, 0, 0, 0, 0),
                counts(again.get("counts").get("groups"), "read", "added", "changed", "removed", "kept"));
        assertEquals(
                List.of(4, 0, 0, 0),
                counts(again.get("counts").get("accounts"), "read", "added", "changed", "removed"),
                "nothing changed in the directory: nothing is written");
        List<JsonNode> listed = h.all("/admin/v1/directory/syncs?limit=1");
        assertEquals(
                List.of(again.get("id").asText(), sync.get("id").asText()),
                listed.stream().map(s -> s.get("id").asText()).toList(),
                "newest first");
    }

    @Test
    void anAccountGoneFromTheDirectoryIsRemovedAndItsAssignmentsEndNamingTheSync() throws Exception {
        DirectoryHarness h = start(Map.of());
        Names n = names();
        h.sync();
        UUID bob = h.accountId("bob");
        AccessFixtures fixtures = new AccessFixtures(h.http);
        UUID finance = fixtures.profile("Finance team", 4, List.of(h.groupId(n.finance())), Map.of());
        fixtures.assign(finance, bob);
        try (LDAPConnection admin = h.directory.admin()) {
            admin.delete(n.dnOf("bob", "Bob Baker"));
            admin.delete(n.groupDn().formatted(n.vpn()));
            admin.delete(n.groupDn().formatted(n.finance()));
        }

        JsonNode sync = h.sync();

        assertEquals("succeeded", sync.get("state").asText(), sync.toString());
        assertEquals(List.of(3, 0, 1), counts(sync.get("counts").get("accounts"), "read", "added", "removed"));
        assertEquals(1, sync.get("counts").get("assignmentsEnded").asInt());
        assertEquals(
                List.of(5, 1, 1),
                counts(sync.get("counts").get("groups"), "read", "removed", "kept"),
                "VPN Users deleted; Finance kept, its profile still requires it");
        assertFalse(h.accounts().containsKey("bob"));
        Map<String, JsonNode> groups = h.groups();
        assertFalse(groups.containsKey(n.vpn()));
        assertFalse(groups.get(n.finance()).get("missingSince").isNull(), "kept, marked missing");
        assertTrue(
                sync.get("warnings").toString().contains(n.finance()),
                "the kept group is named among the warnings: " + sync.get("warnings"));

        JsonNode removal = AccessFixtures.json(
                        h.http.get("/admin/v1/audit?action=directory.remove&objectId=" + bob, TestUsers.admin()))
                .get(0);
        assertEquals(sync.get("id").asText(), removal.get("after").get("sync").asText());
        assertEquals("sync", removal.get("after").get("via").asText());
        assertEquals(
                List.of(finance.toString()),
                List.of(removal.get("before").get("assignments").get(0).asText()));
        JsonNode assignments = AccessFixtures.json(
                h.http.get("/api/v1/Profiles/AssignmentsByProfileId?profileId=" + finance, TestUsers.admin()));
        assertEquals(0, assignments.size(), "the profile stays; its assignment to bob ended");
    }

    @Test
    void aRefusedBindFailsTheSyncWithoutThePasswordKeepsTheDataAndTheServiceReady() throws Exception {
        DirectoryHarness h = start(Map.of());
        h.sync();
        String before = h.directorySnapshot();
        String wrong = "Not-the-password-" + UUID.randomUUID();
        h.restart(Map.of(Config.LDAP_BIND_PASSWORD, wrong));
        List<String> logged = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord entry) {
                logged.add(new java.util.logging.SimpleFormatter().formatMessage(entry));
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger log = Logger.getLogger(DirectorySyncRunner.class.getName());
        log.addHandler(capture);
        JsonNode sync;
        try {
            sync = h.sync();
        } finally {
            log.removeHandler(capture);
        }

        assertEquals("failed", sync.get("state").asText());
        String error = sync.get("error").asText();
        assertTrue(error.contains("refused the credentials"), error);
        assertFalse(error.contains(wrong), "never the password");
        assertFalse(sync.get("finishedAt").isNull());
        assertEquals(before, h.directorySnapshot(), "the previous directory data is intact");
        assertEquals(200, h.http.get("/ready").statusCode(), "the service still serves");
        String ready = h.http.get("/health/ready").body();
        assertTrue(ready.contains("{\"name\":\"directory-sync\",\"status\":\"DOWN\""), ready);
        assertTrue(ready.contains(sync.get("id").asText()) && ready.contains("refused the credentials"), ready);
        assertFalse(ready.contains(wrong), "never the password");
        assertTrue(
                logged.stream().anyMatch(line -> line.contains(sync.get("id").asText()) && line.contains("refused")),
                "the failure is in the log: " + logged);
        assertTrue(logged.stream().noneMatch(line -> line.contains(wrong)));
        JsonNode audit = AccessFixtures.json(h.http.get(
                        "/admin/v1/audit?action=directory.sync&objectId="
                                + sync.get("id").asText(),
                        TestUsers.admin()))
                .get(0);
        assertEquals("failed", audit.get("after").get("state").asText());
    }

    @Test
    void aConnectionLostInTheMiddleOfTheAccountsFailsTheSyncAndWritesNothingOfIt() throws Exception {
        DirectoryHarness h = start(Map.of());
        h.sync();
        String before = h.directorySnapshot();
        changeEveryAccountsTitle(h);
        h.proxy.cutAfterSearchesDone(searchesBeforeTheFirstAccountPage() + 1);

        JsonNode sync = h.sync();

        assertEquals("failed", sync.get("state").asText(), sync.toString());
        assertTrue(
                sync.get("error").asText().contains("reading accounts"),
                sync.get("error").asText());
        assertEquals(before, h.directorySnapshot(), "groups and the first page of accounts were rolled back too");
        JsonNode next = h.sync();
        assertEquals("succeeded", next.get("state").asText(), "the next sync reads everything again");
        assertEquals("Changed", h.attributeOf("eve", "title"));
        assertEquals(4, next.get("counts").get("accounts").get("changed").asInt());
    }

    @Test
    void aDirectoryServerStoppedInTheMiddleOfASyncLeavesNothingHalfWritten() throws Exception {
        DirectoryHarness h = start(Map.of());
        h.sync();
        String before = h.directorySnapshot();
        changeEveryAccountsTitle(h);
        h.proxy.cutAfterSearchesDone(searchesBeforeTheFirstAccountPage() + 1, h.directory::stop);

        JsonNode sync = h.sync();

        assertEquals("failed", sync.get("state").asText(), sync.toString());
        assertEquals(before, h.directorySnapshot(), "nothing of the first page of accounts was kept");
        JsonNode unreachable = h.sync();
        assertEquals("failed", unreachable.get("state").asText(), "the server is gone now");
        assertTrue(unreachable.get("error").asText().startsWith("Directory ldap://"), unreachable.toString());
        assertEquals(before, h.directorySnapshot());
        assertEquals(200, h.http.get("/ready").statusCode());
    }

    /** Every account of the fixture gets another title, so whichever page a sync kept would show. */
    private void changeEveryAccountsTitle(DirectoryHarness h) throws Exception {
        Names n = names();
        try (LDAPConnection admin = h.directory.admin()) {
            for (String[] account : new String[][] {
                {"alice", "Alice Archer"}, {"bob", "Bob Baker"}, {"carol", "Carol Clark"}, {"eve", "Eve Evans"}
            }) {
                admin.modify(
                        n.dnOf(account[0], account[1]), new Modification(ModificationType.REPLACE, "title", "Changed"));
            }
        }
    }

    @Test
    void onlyOneSyncRunsAtATimeAcrossServerProcesses() throws Exception {
        DirectoryHarness h = start(Map.of());
        h.proxy.hold();
        JsonNode first;
        try {
            first = h.startSync("full");
            HttpResponse<String> second = h.http.post("/admin/v1/directory/syncs", "{}", TestUsers.admin());
            assertEquals(409, second.statusCode(), second.body());
            assertEquals(
                    "application/problem+json",
                    second.headers().firstValue("Content-Type").orElseThrow());
            JsonNode problem = AccessFixtures.json(second);
            assertEquals("sync_running", problem.get("code").asText());
            assertEquals(first.get("id").asText(), problem.get("sync").get("id").asText());
            assertEquals("running", problem.get("sync").get("state").asText());
            assertTrue(second.headers()
                    .firstValue("Location")
                    .orElseThrow()
                    .endsWith(first.get("id").asText()));
            try (Server other = h.secondServer()) {
                HttpResponse<String> elsewhere = new Http(other.uri())
                        .post("/admin/v1/directory/syncs", "{\"mode\": \"incremental\"}", TestUsers.admin());
                assertEquals(409, elsewhere.statusCode(), elsewhere.body());
                assertEquals(
                        first.get("id").asText(),
                        AccessFixtures.json(elsewhere).get("sync").get("id").asText());
            }
        } finally {
            h.proxy.release();
        }
        assertEquals(
                "succeeded", h.awaitSync(first.get("id").asText()).get("state").asText());
        assertEquals("succeeded", h.sync().get("state").asText(), "once it ended, another may start");
    }

    @Test
    void theComplianceReportAfterASyncIsTheFixturesKnownDeviationsAndRemediationFixesThem() throws Exception {
        DirectoryHarness h = start(Map.of(Config.LDAP_WRITE_ENABLED, "false"));
        Names n = names();
        h.sync();
        AccessFixtures fixtures = new AccessFixtures(h.http);
        UUID sales = fixtures.profile(
                "Sales staff",
                3,
                List.of(h.groupId(n.sales()), h.groupId(n.vpn())),
                Map.of("title", "Sales Manager", n.departmentKey(), "Sales"));
        UUID finance = fixtures.profile("Finance team", 4, List.of(h.groupId(n.finance())), Map.of());
        UUID alice = h.accountId("alice");
        fixtures.assign(sales, alice);
        fixtures.assign(finance, h.accountId("bob"));

        assertEquals(
                Set.of(
                        "alice: missing " + n.vpn() + " (" + sales
                                + "); title is 'Account Manager', not 'Sales Manager' (" + sales + ")",
                        "bob: compliant",
                        "carol: no profile",
                        "eve: no profile"),
                report(h),
                "exactly the fixture's deviations");

        HttpResponse<String> plan = h.http.get("/api/v1/Profiles/Remediate?accountId=" + alice, TestUsers.admin());
        assertEquals(200, plan.statusCode(), plan.body());
        JsonNode planned = AccessFixtures.json(plan);
        assertTrue(planned.get("dryRun").asBoolean());
        JsonNode changes = planned.get("accounts").get(0).get("changes");
        assertEquals(2, changes.size(), planned.toString());
        assertEquals(
                Set.of("addToGroup " + n.vpn() + " Sales staff", "setAttribute title=Sales Manager Sales staff"),
                describe(changes));
        String apply = "{\"accountId\": \"" + alice + "\", \"apply\": true}";
        HttpResponse<String> refused = h.http.post("/api/v1/Profiles/Remediate", apply, TestUsers.admin());
        assertEquals(403, refused.statusCode(), refused.body());
        assertEquals(
                "directory_writing_disabled",
                AccessFixtures.json(refused).get("code").asText());

        h.restart(Map.of(Config.LDAP_WRITE_ENABLED, "true"));
        TestUsers.Caller reader = TestUsers.create(h.server, "reader", Role.PROFILE_READER);
        assertEquals(
                403,
                h.http.post("/api/v1/Profiles/Remediate", apply, reader.auth()).statusCode());
        HttpResponse<String> dryRun =
                h.http.post("/api/v1/Profiles/Remediate", "{\"accountId\": \"" + alice + "\"}", TestUsers.admin());
        assertTrue(AccessFixtures.json(dryRun).get("dryRun").asBoolean(), "a dry run unless asked to apply");
        HttpResponse<String> applied = h.http.post("/api/v1/Profiles/Remediate", apply, TestUsers.admin());
        assertEquals(200, applied.statusCode(), applied.body());
        JsonNode results = AccessFixtures.json(applied);
        assertFalse(results.get("dryRun").asBoolean());
        results.get("accounts")
                .get(0)
                .get("changes")
                .forEach(c -> assertEquals("applied", c.get("outcome").asText(), c.toString()));
        JsonNode audit = AccessFixtures.json(
                        h.http.get("/admin/v1/audit?action=directory.remediate&objectId=" + alice, TestUsers.admin()))
                .get(0);
        assertEquals(2, audit.get("after").get("changes").size());
        assertEquals(
                "applied",
                audit.get("after").get("changes").get(0).get("outcome").asText());

        JsonNode second = h.sync();
        assertEquals(1, second.get("counts").get("accounts").get("changed").asInt(), "alice, read back");
        assertEquals(Set.of("alice: compliant", "bob: compliant", "carol: no profile", "eve: no profile"), report(h));
        assertEquals(2, second.get("compliance").get("nonCompliant").asInt(), "carol and eve, who have no profile");
    }

    @Test
    void anAcceptedDeviationLeavesTheNonCompliantCountUntilWithdrawn() throws Exception {
        DirectoryHarness h = start(Map.of());
        h.sync();
        UUID eve = h.accountId("eve");
        HttpResponse<String> accepted = h.http.post(
                "/api/v1/Profiles/Compliance/Acceptances",
                "{\"accountId\": \"" + eve + "\", \"deviation\": {\"kind\": \"noProfile\"},"
                        + " \"comment\": \"contractor, no department\"}",
                TestUsers.admin());
        assertEquals(201, accepted.statusCode(), accepted.body());
        assertTrue(
                report(h).contains("eve: compliant, accepted no profile"),
                report(h).toString());
        JsonNode sync = h.sync();
        assertEquals(3, sync.get("compliance").get("nonCompliant").asInt());
        assertEquals(1, sync.get("compliance").get("withAcceptedDeviations").asInt());
        assertNotEquals(
                204,
                h.http.delete("/api/v1/Profiles/Compliance/Acceptances/" + UUID.randomUUID(), TestUsers.admin())
                        .statusCode());
        String id = AccessFixtures.json(accepted).get("id").asText();
        assertEquals(
                204,
                h.http.delete("/api/v1/Profiles/Compliance/Acceptances/" + id, TestUsers.admin())
                        .statusCode());
        assertTrue(report(h).contains("eve: no profile"));
    }

    /** The compliance report, one line per account, deviations sorted. */
    static Set<String> report(DirectoryHarness h) {
        Set<String> lines = new TreeSet<>();
        for (JsonNode line : h.all("/api/v1/Profiles/Compliance?limit=3")) {
            List<String> found = new ArrayList<>();
            line.get("missingGroups")
                    .forEach(m -> found.add("missing " + m.get("name").asText() + " ("
                            + m.get("profileId").asText() + ")"));
            line.get("wrongAttributes")
                    .forEach(w -> found.add(
                            w.get("key").asText() + " is '" + w.get("actual").asText() + "', not '"
                                    + w.get("expected").asText() + "' ("
                                    + w.get("profileId").asText() + ")"));
            if (line.get("hasNoProfile").asBoolean()) {
                found.add("no profile");
            }
            line.get("acceptedDeviations")
                    .forEach(a -> found.add("accepted "
                            + switch (a.get("kind").asText()) {
                                case "noProfile" -> "no profile";
                                case "missingGroup" ->
                                    "missing " + a.get("name").asText();
                                default -> a.get("key").asText();
                            }));
            java.util.Collections.sort(found);
            boolean compliant = !line.get("isNonCompliant").asBoolean();
            lines.add(line.get("userName").asText() + ": "
                    + (compliant ? "compliant" + (found.isEmpty() ? "" : ", ") : "")
                    + String.join("; ", found));
        }
        return lines;
    }

    private static Set<String> describe(JsonNode changes) {
        Set<String> described = new TreeSet<>();
        changes.forEach(c -> described.add(
                c.get("type").asText().equals("addToGroup")
                        ? "addToGroup " + c.get("groupName").asText() + " "
                                + c.get("profileName").asText()
                        : "setAttribute " + c.get("attribute").asText() + "="
                                + c.get("value").asText() + " "
                                + c.get("profileName").asText()));
        return described;
    }

    static List<Integer> counts(JsonNode node, String... fields) {
        List<Integer> values = new ArrayList<>();
        for (String field : fields) {
            values.add(node.get(field).asInt());
        }
        return values;
    }

    private static List<String> sorted(String... names) {
        return List.copyOf(new TreeSet<>(List.of(names)));
    }
}
