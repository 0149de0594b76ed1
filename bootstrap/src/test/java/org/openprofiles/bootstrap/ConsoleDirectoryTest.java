package org.openprofiles.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openprofiles.adapter.ldap.LdapSettings;
import org.openprofiles.adapter.ldap.testing.InMemoryDirectory;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console's directory parts in a real browser against a server that syncs from a real (in-
 * memory, OpenLDAP preset) LDAP server: sync status with progress, accepting a deviation,
 * remediating one, and the compliance trend across syncs. The fixture's bob misses the group
 * "sales" his profile requires, alice the group "finance", eve and carol have no profile. The tests
 * build on each other in order, as an access manager's morning would.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleDirectoryTest {

    private static final String PEOPLE = "ou=people,dc=example,dc=org";
    private static final String GROUPS = "ou=groups,dc=example,dc=org";

    private static DirectoryHarness directory;
    private static ConsoleBrowser browser;
    private static UUID alice;
    private static UUID bob;
    private static UUID eve;

    @BeforeAll
    static void start() throws Exception {
        directory = DirectoryHarness.start(
                InMemoryDirectory.openLdap(),
                LdapSettings.Preset.OPENLDAP,
                // Writing on: remediation may apply (still only on the caller's opt-in); a long
                // response timeout, since the first test holds the directory's answers a while.
                Map.of(Config.LDAP_WRITE_ENABLED, "true", Config.LDAP_RESPONSE_TIMEOUT, "120s"));
        browser = ConsoleBrowser.open(directory.server.uri());
        assertEquals("succeeded", directory.sync().get("state").asText());
        alice = directory.accountId("alice");
        bob = directory.accountId("bob");
        eve = directory.accountId("eve");
        assign(profile("Sales team", directory.groupId("sales")), bob);
        assign(profile("Finance desk", directory.groupId("finance")), alice);
        // The trend's latest point already knows the assignments.
        assertEquals("succeeded", directory.sync().get("state").asText());
    }

    private static String profile(String name, UUID group) {
        HttpResponse<String> created =
                directory.http.post("/api/v1/Profiles/CreateUpdate", """
                {"name":"%s","description":"","color":3,"initials":"","groups":[{"id":"%s"}],"ldapAttributes":[]}
                """.formatted(name, group), TestUsers.admin());
        assertEquals(201, created.statusCode(), created.body());
        return AccessFixtures.json(created).get("id").asText();
    }

    private static void assign(String profile, UUID account) {
        HttpResponse<String> assigned =
                directory.http.post("/api/v1/Profiles/Assign", """
                {"profileId":"%s","accountIds":["%s"],"comment":"team member"}""".formatted(profile, account), TestUsers.admin());
        assertEquals(200, assigned.statusCode(), assigned.body());
    }

    @AfterEach
    void consoleStaysClean() {
        browser.assertCleanConsole();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        directory.close();
    }

    /** Waits on a page that re-renders while it is read: an element replaced meanwhile is looked up again. */
    private static FluentWait<WebDriver> waiting() {
        return new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
                .ignoring(StaleElementReferenceException.class);
    }

    private static String cell(String css) {
        return browser.waitFor(By.cssSelector(css)).getText();
    }

    @Test
    @Order(1)
    void aSyncStartedInTheConsoleShowsItsProgressWhileItRunsThenItsStateAndCounts() {
        browser.signIn(TestServers.ADMIN_TOKEN);
        browser.openConsole("#/admin/directory");
        browser.waitFor(By.cssSelector("#syncs .sync[data-state=succeeded]"));
        directory.proxy.hold();
        String id;
        try {
            browser.driver()
                    .findElement(By.cssSelector("#start-sync button[type=submit]"))
                    .click();
            WebElement running = browser.waitFor(By.cssSelector("#syncs .sync[data-state=running]"));
            id = running.getAttribute("data-sync");
            assertTrue(running.findElements(By.cssSelector("progress")).size() == 1, "a progress bar while it runs");
            browser.screenshot("directory-sync-running");
            browser.assertAccessible("Directory (a sync running)");
            // One at a time: a second start is refused, with the server's reason in the form.
            browser.driver()
                    .findElement(By.cssSelector("#start-sync button[type=submit]"))
                    .click();
            browser.waitForText(By.cssSelector("#start-sync .form-error"), "running");
        } finally {
            directory.proxy.release();
        }
        // No reload: the page polls the running sync until it ends.
        String card = "#syncs .sync[data-sync='" + id + "']";
        waiting()
                .until(d -> !d.findElements(By.cssSelector(card + "[data-state=succeeded]"))
                        .isEmpty());
        JsonNode sync = AccessFixtures.json(directory.http.get("/admin/v1/directory/syncs/" + id, TestUsers.admin()));
        assertEquals("succeeded", sync.get("state").asText());
        assertEquals(
                String.valueOf(sync.get("counts").get("accounts").get("read").asInt()),
                cell(card + " td[data-count='accounts.read']"));
        assertEquals("4", cell(card + " td[data-count='accounts.read']"));
        assertEquals("7", cell(card + " td[data-count='groups.read']"));
        assertEquals(
                "100",
                browser.driver().findElement(By.cssSelector(card + " progress")).getAttribute("value"));
        assertTrue(
                cell(card + " [data-compliance]")
                        .contains(sync.get("compliance").get("nonCompliant").asText() + " non-compliant"),
                cell(card + " [data-compliance]"));
        // Drawn afresh (another section and back), as an administrator opening the page sees it.
        browser.openConsole("#/admin/users");
        browser.waitFor(By.id("users"));
        browser.openConsole("#/admin/directory");
        browser.waitFor(By.cssSelector(card + "[data-state=succeeded]"));
        browser.screenshot("directory-syncs");
        browser.assertAccessible("Directory");
    }

    @Test
    @Order(2)
    void acceptingADeviationWithItsMandatoryCommentTakesItOutOfTheCount() {
        browser.signIn(TestServers.ADMIN_TOKEN);
        browser.openConsole("#/access");
        String nonCompliant = "#compliance-accounts tr[data-name='Non-compliant'] td";
        int before = Integer.parseInt(cell(nonCompliant));
        String eveCard = "#deviations .deviation-account[data-account='" + eve + "']";
        browser.waitFor(By.cssSelector(eveCard + " li[data-kind=noProfile] button[data-action=accept]"))
                .click();
        WebElement comment = browser.waitFor(By.cssSelector(eveCard + " .accept-form input[name=comment]"));
        browser.driver()
                .findElement(By.cssSelector(eveCard + " .accept-form button[type=submit]"))
                .click();
        browser.waitForText(By.cssSelector(eveCard + " .accept-form [data-field=comment] .field-error"), "comment");
        assertEquals("true", comment.getAttribute("aria-invalid"));
        browser.assertAccessible("Access profiles (accepting a deviation)");
        comment.sendKeys("contractor until the project ends");
        browser.driver()
                .findElement(By.cssSelector(eveCard + " .accept-form button[type=submit]"))
                .click();

        waiting()
                .until(d -> d.findElements(By.cssSelector(nonCompliant)).stream()
                        .anyMatch(e -> e.getText().equals(String.valueOf(before - 1))));
        waiting().until(d -> d.findElements(By.cssSelector(eveCard)).isEmpty());
        WebElement listed = browser.waitFor(By.cssSelector("#acceptances tr[data-account='" + eve + "']"));
        assertTrue(listed.getText().contains("contractor until the project ends"), listed.getText());
        assertTrue(listed.getText().contains("In force"), listed.getText());
        JsonNode acceptances = AccessFixtures.json(
                directory.http.get("/api/v1/Profiles/Compliance/Acceptances?accountId=" + eve, TestUsers.admin()));
        assertEquals(1, acceptances.size());
        assertEquals(
                "contractor until the project ends",
                acceptances.get(0).get("comment").asText());
        assertEquals(
                "noProfile", acceptances.get(0).get("deviation").get("kind").asText());
        browser.script("document.getElementById('deviations-h').scrollIntoView()");
        browser.screenshot("access-deviations");
        browser.assertAccessible("Access profiles (deviations)");
    }

    @Test
    @Order(3)
    void theRemediationPlanIsShownAndAppliedOnlyOnTheUsersExplicitOptIn() throws Exception {
        browser.signIn(TestServers.ADMIN_TOKEN);
        browser.openConsole("#/access");
        String aliceCard = "#deviations .deviation-account[data-account='" + alice + "']";
        browser.waitFor(By.cssSelector(aliceCard + " button[data-action=remediate]"))
                .click();
        WebElement change = browser.waitFor(By.cssSelector(aliceCard + " .plan li[data-change=addToGroup]"));
        assertTrue(change.getText().contains("finance"), change.getText());
        assertTrue(change.getText().contains("Finance desk"), "names the profile requiring it: " + change.getText());
        browser.driver()
                .findElement(By.cssSelector(aliceCard + " .apply-form button[type=submit]"))
                .click();
        browser.waitForText(By.cssSelector(aliceCard + " .apply-form [data-field=apply] .field-error"), "Tick");
        assertEquals(List.of(), membersOf("finance", "alice"), "nothing written without the opt-in");

        browser.driver()
                .findElement(By.cssSelector(aliceCard + " .apply-form input[name=apply]"))
                .click();
        browser.driver()
                .findElement(By.cssSelector(aliceCard + " .apply-form button[type=submit]"))
                .click();
        browser.waitForText(By.cssSelector(aliceCard + " .plan li[data-change=addToGroup]"), "Applied");
        assertEquals(List.of("uid=alice," + PEOPLE), membersOf("finance", "alice"), "written to the directory");
        browser.screenshot("access-remediation");
        browser.assertAccessible("Access profiles (remediation applied)");
    }

    /** The group's direct members in the LDAP server whose DN starts with {@code uid=<login>,}. */
    private static List<String> membersOf(String group, String login) throws Exception {
        try (LDAPConnection admin = directory.directory.admin()) {
            String[] members = admin.getEntry("cn=" + group + "," + GROUPS).getAttributeValues("member");
            return members == null
                    ? List.of()
                    : List.of(members).stream()
                            .filter(m -> m.startsWith("uid=" + login + ","))
                            .toList();
        }
    }

    @Test
    @Order(4)
    void theComplianceTrendGainsAPointWhenASyncReadsAChangedMembership() throws Exception {
        browser.signIn(TestServers.ADMIN_TOKEN);
        browser.openConsole("#/access");
        String rows = "#compliance-trend tbody tr";
        browser.waitFor(By.cssSelector(rows));
        List<WebElement> points = browser.driver().findElements(By.cssSelector(rows));
        int pointsBefore = points.size();
        int before = Integer.parseInt(points.get(pointsBefore - 1)
                .findElement(By.cssSelector("td[data-series=nonCompliant]"))
                .getText());

        try (LDAPConnection admin = directory.directory.admin()) {
            admin.modify("cn=sales," + GROUPS, new Modification(ModificationType.ADD, "member", "uid=bob," + PEOPLE));
        }
        JsonNode sync = directory.sync();
        assertEquals("succeeded", sync.get("state").asText(), sync.toString());

        browser.driver().navigate().refresh();
        waiting().until(d -> d.findElements(By.cssSelector(rows)).size() == pointsBefore + 1);
        WebElement last = browser.driver().findElement(By.cssSelector("#compliance-trend tbody tr:last-child"));
        assertEquals(sync.get("id").asText(), last.getAttribute("data-point"));
        int after = Integer.parseInt(
                last.findElement(By.cssSelector("td[data-series=nonCompliant]")).getText());
        assertEquals(sync.get("compliance").get("nonCompliant").asInt(), after);
        assertTrue(after < before, "bob now in sales, alice in finance: " + before + " → " + after);
        assertEquals(
                sync.get("compliance").get("withAcceptedDeviations").asText(),
                last.findElement(By.cssSelector("td[data-series=accepted]")).getText());
        JsonNode report =
                AccessFixtures.json(directory.http.get("/api/v1/Profiles/Compliance?limit=100", TestUsers.admin()));
        for (JsonNode line : report) {
            if (line.get("accountId").asText().equals(bob.toString())) {
                assertEquals(
                        false, line.get("isNonCompliant").asBoolean(), "the sync read bob's new membership: " + line);
            }
        }
        browser.script("document.getElementById('trend-h').scrollIntoView()");
        browser.screenshot("access-compliance-trend");
        browser.assertAccessible("Access profiles (compliance trend)");
    }

    @Test
    @Order(5)
    void theProfileEditorPicksGroupsFromTheDirectory() {
        browser.signIn(TestServers.ADMIN_TOKEN);
        browser.openConsole("#/access/new");
        browser.waitFor(By.xpath("//button[normalize-space()='Pick from directory']"))
                .click();
        UUID sales = directory.groupId("sales");
        WebElement item = browser.waitFor(By.cssSelector("#group-picker li[data-group='" + sales + "']"));
        assertTrue(item.getText().contains("cn=sales," + GROUPS), "the group's DN is shown: " + item.getText());
        item.findElement(By.cssSelector("button")).click();
        waiting()
                .until(d -> d.findElement(By.cssSelector("#profile-form textarea[name=groups]"))
                        .getAttribute("value")
                        .contains(sales.toString()));
        browser.assertAccessible("New access profile (group picker)");
    }
}
