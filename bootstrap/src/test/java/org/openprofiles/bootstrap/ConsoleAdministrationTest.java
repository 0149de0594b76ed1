package org.openprofiles.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The console's administration pages in a real browser: users, tokens shown once, templates, audit. */
class ConsoleAdministrationTest extends ConsoleBrowserTest {

    @Test
    void anAdminCreatesAUserIssuesATokenShownOnceThatWorksAndRevokesIt() {
        browser.signIn(TestServers.ADMIN_TOKEN);
        browser.waitFor(By.cssSelector("#nav a[href='#/admin/users']")).click();
        browser.waitFor(By.cssSelector("#users tr[data-user]"));
        browser.assertAccessible("Users");
        WebElement form = browser.waitFor(By.id("create-user"));
        form.findElement(By.name("login")).sendKeys("dana");
        form.findElement(By.name("displayName")).sendKeys("Dana Reader");
        form.findElement(By.cssSelector("input[name=roles][value=profile-reader]"))
                .click();
        form.findElement(By.cssSelector("button[type=submit]")).click();
        browser.waitForText(By.tagName("h1"), "Dana Reader");

        WebElement issue = browser.waitFor(By.id("issue-token"));
        issue.findElement(By.name("name")).sendKeys("laptop");
        issue.findElement(By.cssSelector("button[type=submit]")).click();
        String token = browser.waitFor(By.cssSelector("#new-token code")).getText();
        assertEquals(43, token.length(), "the secret, shown once");
        browser.screenshot("administration-token-shown-once");
        browser.assertAccessible("User with a new token");
        String[] auth = {"Authorization", "Bearer " + token};
        assertEquals(200, http.get("/api/v1/Profiles/Colors", auth).statusCode(), "the token works");

        browser.driver().navigate().refresh();
        WebElement row = browser.waitFor(By.cssSelector("#tokens tr[data-token]"));
        assertTrue(row.getText().contains("laptop"));
        assertFalse(browser.driver().getPageSource().contains(token), "never shown again");
        row.findElement(By.xpath(".//button[normalize-space()='Revoke']")).click();
        browser.waitForText(By.cssSelector("#tokens tr[data-token]"), "Revoked");
        assertEquals(401, http.get("/api/v1/Profiles/Colors", auth).statusCode(), "revoked from the next request");
    }

    @Test
    void aLoginTakenIsShownBesideTheLoginField() {
        TestUsers.create(server, "erin");
        browser.signIn(TestServers.ADMIN_TOKEN);
        browser.openConsole("#/admin/users");
        WebElement form = browser.waitFor(By.id("create-user"));
        WebElement login = form.findElement(By.name("login"));
        login.sendKeys("ERIN");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement error = browser.waitFor(By.cssSelector("#create-user [data-field=login] .field-error"));
        assertFalse(error.getText().isBlank());
        assertEquals("true", login.getAttribute("aria-invalid"));
    }

    @Test
    void templatesShowTheirPoliciesAndTheAuditTrailFiltersAndPages() {
        HttpResponse<String> created = http.post("/admin/v1/profile-templates", """
                {"name":"Smart laptop","policies":{"renew":{"approvalsNeeded":1,"approverRole":"cm-approver"}}}""", TestUsers.admin());
        assertEquals(201, created.statusCode(), created.body());
        browser.signIn(TestServers.ADMIN_TOKEN);
        browser.openConsole("#/admin/templates");
        browser.waitFor(By.xpath("//*[@id='templates']//a[normalize-space()='Smart laptop']"))
                .click();
        WebElement renew = browser.waitFor(By.cssSelector("#template-form tr[data-operation=renew]"));
        assertTrue(renew.findElement(By.cssSelector("input[type=checkbox]")).isSelected(), "renew is offered");
        assertEquals(
                "1", renew.findElement(By.cssSelector("input[type=number]")).getAttribute("value"));
        browser.assertAccessible("Profile template");

        for (int i = 0; i < 3; i++) {
            TestUsers.create(server, "audit-" + i);
            http.post("/admin/v1/users", "{\"login\":\"audited-" + i + "\"}", TestUsers.admin());
        }
        browser.openConsole("#/admin/audit");
        WebElement filter = browser.waitFor(By.id("audit-filter"));
        filter.findElement(By.name("action")).sendKeys("user.create");
        filter.findElement(By.cssSelector("button[type=submit]")).click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .ignoring(StaleElementReferenceException.class)
                .until(d -> {
                    var rows = d.findElements(By.cssSelector("#audit-events tr[data-event]"));
                    return !rows.isEmpty()
                            && rows.stream().allMatch(r -> r.getText().contains("user.create"));
                });
        browser.screenshot("administration-audit");
        browser.assertAccessible("Audit trail");

        filter.findElement(By.name("objectId")).sendKeys("x".repeat(300));
        filter.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement error = browser.waitFor(By.cssSelector("#audit-filter [data-field=objectId] .field-error"));
        assertFalse(error.getText().isBlank(), "the server's refusal is shown beside the field it names");
    }
}
