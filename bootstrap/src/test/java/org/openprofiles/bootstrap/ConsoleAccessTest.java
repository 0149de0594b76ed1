package org.openprofiles.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openprofiles.domain.security.Role;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The console's access profiles: badges, create, assign, compliance charts; in a real browser. */
class ConsoleAccessTest extends ConsoleBrowserTest {

    private static AccessFixtures fixtures;
    private static TestUsers.Caller manager;
    private static UUID staff;
    private static UUID payroll;
    private static UUID jdoe;
    private static UUID asmith;

    @BeforeAll
    static void arrange() {
        fixtures = new AccessFixtures(http);
        manager = TestUsers.create(server, "console-manager", Role.PROFILE_MANAGER);
        List<UUID> groups = fixtures.groups("HR Staff", "Payroll");
        staff = groups.get(0);
        payroll = groups.get(1);
        jdoe = fixtures.account("jdoe", List.of(staff), Map.of("department", "HR"));
        asmith = fixtures.account("asmith", List.of(), Map.of("department", "Sales"));
    }

    private static String cell(String chart, String row) {
        return browser.waitFor(By.cssSelector("#" + chart + " tr[data-name='" + row + "'] td"))
                .getText();
    }

    private static void waitForCell(String chart, String row, String value) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(15))
                .until(d -> d.findElements(By.cssSelector("#" + chart + " tr[data-name='" + row + "'] td")).stream()
                        .anyMatch(e -> e.getText().equals(value)));
    }

    @Test
    void createAProfileSeeItsBadgeAssignItWithACommentAndWatchComplianceFollowTheDirectory() {
        browser.signIn(manager.token());
        browser.waitFor(By.cssSelector("#nav a[href='#/access']")).click();
        browser.waitFor(By.id("new-profile")).click();
        WebElement form = browser.waitFor(By.id("profile-form"));
        form.findElement(By.name("name")).sendKeys("Human Resources");
        form.findElement(By.name("description")).sendKeys("Everyone in HR");
        form.findElement(By.cssSelector("label.swatch[title=Brown]")).click();
        form.findElement(By.name("groups")).sendKeys(staff.toString());
        form.findElement(By.xpath(".//button[normalize-space()='Add attribute']"))
                .click();
        WebElement row = browser.waitFor(By.cssSelector("#attribute-rows .attr-row"));
        new Select(row.findElement(By.tagName("select"))).selectByValue("department");
        row.findElement(By.cssSelector("input[type=text]")).sendKeys("HR");
        browser.assertAccessible("New access profile");
        form.findElement(By.cssSelector("button[type=submit]")).click();

        WebElement badge = browser.waitFor(By.cssSelector(".badge.large"));
        assertEquals("HR", badge.getText(), "initials from the name's first two words");
        assertEquals("rgba(109, 76, 65, 1)", badge.getCssValue("background-color"), "Brown (#6D4C41) from the palette");
        assertEquals("rgba(255, 255, 255, 1)", badge.getCssValue("color"), "white is the readable text on Brown");
        assertEquals(
                "Human Resources",
                browser.driver().findElement(By.tagName("h1")).getText());
        assertTrue(
                browser.waitFor(By.id("profile-attributes")).getText().contains("HR"),
                browser.driver().findElement(By.id("profile-attributes")).getText());
        browser.waitFor(By.id("profile-compliance-empty"));

        WebElement assign = browser.waitFor(By.id("assign-form"));
        assign.findElement(By.name("accountIds")).sendKeys(jdoe + "\n" + asmith);
        assign.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement commentError = browser.waitFor(By.cssSelector("#assign-form [data-field=comment] .field-error"));
        assertEquals("A comment is required when assigning.", commentError.getText());
        assign.findElement(By.name("comment")).sendKeys("joined HR in March");
        assign.findElement(By.cssSelector("button[type=submit]")).click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(15))
                .until(d -> d.findElements(By.cssSelector("#assignments tr[data-account]"))
                                .size()
                        == 2);
        assertTrue(browser.driver()
                .findElement(By.cssSelector("#assignments tr[data-account='" + jdoe + "']"))
                .getText()
                .contains("joined HR in March"));
        waitForCell("profile-compliance-accounts", "Compliant", "1");
        assertEquals("1", cell("profile-compliance-accounts", "Non-compliant"));
        assertEquals("1", cell("profile-compliance-kinds", "Missing group"));
        assertEquals("1", cell("profile-compliance-kinds", "Wrong attribute"));
        browser.screenshot("access-profile-before-directory-change");
        browser.script("document.getElementById('compliance-h').scrollIntoView()");
        browser.screenshot("access-profile-compliance-before-directory-change");
        browser.assertAccessible("Access profile");

        // The directory changes: asmith joins HR Staff and moves to HR.
        HttpResponse<String> pushed = http.post(
                "/admin/v1/directory/accounts",
                AccessFixtures.write(List.of(Map.of(
                        "id",
                        asmith.toString(),
                        "samAccountName",
                        "asmith",
                        "displayName",
                        "ASMITH",
                        "distinguishedName",
                        "CN=asmith,OU=Staff,DC=corp,DC=example,DC=com",
                        "groups",
                        List.of(staff.toString(), payroll.toString()),
                        "attributes",
                        Map.of("department", "HR")))),
                TestUsers.admin());
        assertEquals(200, pushed.statusCode(), pushed.body());
        browser.driver().navigate().refresh();
        waitForCell("profile-compliance-accounts", "Compliant", "2");
        assertEquals("0", cell("profile-compliance-accounts", "Non-compliant"));
        assertEquals("0", cell("profile-compliance-kinds", "Missing group"));
        browser.screenshot("access-profile");
        browser.script("document.getElementById('compliance-h').scrollIntoView()");
        browser.screenshot("access-profile-compliance");
    }

    @Test
    void theListShowsEveryProfileAsABadgeInItsPaletteColourWithReadableInitials() {
        UUID sales = fixtures.profile("Sales Team", 4, List.of(), Map.of());
        UUID finance = fixtures.profile("finance", 1, List.of(), Map.of());
        browser.signIn(manager.token());
        browser.openConsole("#/access");
        WebElement yellow = browser.waitFor(By.cssSelector("#access-profiles [data-profile='" + sales + "'] .badge"));
        assertEquals("ST", yellow.getText());
        assertEquals("rgba(253, 216, 53, 1)", yellow.getCssValue("background-color"));
        assertEquals("rgba(0, 0, 0, 1)", yellow.getCssValue("color"), "black is the readable text on Yellow");
        WebElement red = browser.driver()
                .findElement(By.cssSelector("#access-profiles [data-profile='" + finance + "'] .badge"));
        assertEquals("F", red.getText());
        assertEquals("rgba(0, 0, 0, 1)", red.getCssValue("color"), "white reaches only 4.2:1 on #E53935, black 5.0:1");
        browser.waitFor(By.id("compliance-accounts"));
        browser.screenshot("access-profiles");
        browser.assertAccessible("Access profiles");

        WebElement search = browser.driver().findElement(By.id("profile-search"));
        search.sendKeys("sales", Keys.ENTER);
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .until(d -> d.findElements(By.cssSelector("#access-profiles .access-profile"))
                                .size()
                        == 1);
        assertEquals(
                sales.toString(),
                browser.driver()
                        .findElement(By.cssSelector("#access-profiles .access-profile"))
                        .getAttribute("data-profile"));
    }

    @Test
    void aNameTakenByAnotherProfileIsShownBesideTheNameField() {
        fixtures.profile("Engineering", 10, List.of(), Map.of());
        browser.signIn(manager.token());
        browser.openConsole("#/access/new");
        WebElement form = browser.waitFor(By.id("profile-form"));
        WebElement name = form.findElement(By.name("name"));
        name.sendKeys("engineering");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement error = browser.waitFor(By.cssSelector("#profile-form [data-field=name] .field-error"));
        assertTrue(error.getText().toLowerCase().contains("name"), error.getText());
        assertEquals("true", name.getAttribute("aria-invalid"));
        assertEquals(name, browser.driver().switchTo().activeElement());
        browser.screenshot("access-error-beside-field");
        browser.assertAccessible("Access profile form with an error");
    }

    @Test
    void worksAtPhoneWidthAndWithTheKeyboardAlone() {
        WebDriver driver = browser.driver();
        browser.openConsole("");
        browser.script("sessionStorage.clear()");
        driver.manage().window().setSize(new Dimension(390, 844));
        try {
            browser.openConsole("");
            browser.waitFor(By.id("sign-in"));
            WebElement active = null;
            for (int i = 0; i < 10; i++) {
                driver.switchTo().activeElement().sendKeys(Keys.TAB);
                active = driver.switchTo().activeElement();
                if ("token".equals(active.getAttribute("name"))) {
                    break;
                }
            }
            assertEquals("token", active.getAttribute("name"), "the token field is reachable with Tab");
            active.sendKeys(manager.token(), Keys.ENTER);
            browser.waitFor(By.id("sign-out"));
            // The menu is built from what the API offers this caller: wait until it is complete,
            // so the Tab presses below walk a page that is no longer being redrawn.
            browser.waitFor(By.cssSelector("a[href$='#/access']"));
            for (int i = 0; i < 15; i++) {
                try {
                    driver.switchTo().activeElement().sendKeys(Keys.TAB);
                    String href = driver.switchTo().activeElement().getAttribute("href");
                    if (href != null && href.endsWith("#/access")) {
                        break;
                    }
                } catch (StaleElementReferenceException redrawn) {
                    // The focused element was replaced under us: press Tab again on the new page.
                }
            }
            driver.switchTo().activeElement().sendKeys(Keys.ENTER);
            browser.waitForText(By.tagName("h1"), "Access profiles");
            browser.waitFor(By.cssSelector("#access-profiles"));
            Number overflow =
                    (Number) browser.script("return document.documentElement.scrollWidth - window.innerWidth");
            Object wide = browser.script("""
                    return [...document.querySelectorAll('body *')]
                      .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
                      .map(e => e.tagName + '.' + e.className + '#' + e.id).slice(0, 5).join(', ')""");
            assertTrue(
                    overflow.intValue() <= 0,
                    "no horizontal scrolling at 390 px, overflow " + overflow + " by " + wide);
            browser.screenshot("phone-access-profiles");
            browser.assertAccessible("Access profiles at phone width");
        } finally {
            driver.manage().window().setSize(new Dimension(1280, 900));
        }
    }
}
