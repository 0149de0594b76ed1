package org.openprofiles.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openprofiles.bootstrap.CertificateFixtures.CM;
import static org.openprofiles.bootstrap.CertificateFixtures.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openprofiles.domain.security.Role;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The console's certificate self-service and approvals, in a real browser against a real server. */
class ConsoleCertificatesTest extends ConsoleBrowserTest {

    /** Owners enroll (the server sets the PIN) and renew; a renewal needs one cm-approver. */
    private static final String TEMPLATE = UUID.randomUUID().toString();
    /** Owners enroll with an asset tag the template requires (its enroll policy's data collection). */
    private static final String TAGGED = UUID.randomUUID().toString();

    private static TestUsers.Caller alice;
    private static TestUsers.Caller carol;
    private static TestUsers.Caller approver;
    private static TestUsers.Caller dora;

    @BeforeAll
    static void arrange() {
        alice = TestUsers.create(server, "console-alice");
        carol = TestUsers.create(server, "console-carol");
        approver = TestUsers.create(server, "console-approver", Role.CM_APPROVER);
        dora = TestUsers.create(server, "console-dora");
        HttpResponse<String> created =
                http.post("/admin/v1/profile-templates", """
                {"id":"%s","name":"Laptop certificate","version":1,"policies":{
                  "enroll":{"ownerMayInitiate":true,"serverGeneratesPin":true},
                  "renew":{"ownerMayInitiate":true,"approvalsNeeded":1,"approverRole":"cm-approver"}}}
                """.formatted(TEMPLATE), TestUsers.admin());
        assertEquals(201, created.statusCode(), created.body());
        HttpResponse<String> tagged =
                http.post("/admin/v1/profile-templates", """
                {"id":"%s","name":"Tagged laptop","version":1,"policies":{
                  "enroll":{"ownerMayInitiate":true,"dataCollection":[
                    {"name":"Asset tag","description":"On the sticker under the laptop","required":true,"maxLength":20}]}}}
                """.formatted(TAGGED), TestUsers.admin());
        assertEquals(201, tagged.statusCode(), tagged.body());
    }

    /** Enrolls {@code caller} through the API (request, then completion): the profile's id. */
    private static String enrolledThroughApi(TestUsers.Caller caller) {
        HttpResponse<String> posted = http.post(CM + "/requests", """
                {"profiletemplateuuid":"%s","type":"Enroll","comment":""}""".formatted(TEMPLATE), caller.auth());
        assertEquals(201, posted.statusCode(), posted.body());
        String id = posted.body().replace("\"", "").substring("api/v1.0/requests/".length());
        HttpResponse<String> done = http.put(CM + "/requests/" + id, "{\"status\":\"Completed\"}", caller.auth());
        assertEquals(200, done.statusCode(), done.body());
        return json(done).get("NewProfileUuid").asText();
    }

    private static JsonNode profiles(TestUsers.Caller caller) {
        return json(http.get(CM + "/profiles", caller.auth()));
    }

    @Test
    void signInEnrollCompleteAndSeeTheNewProfileWithItsPinShownOnce() {
        browser.signIn(alice.token());
        browser.waitFor(By.cssSelector("#profiles .empty"));
        browser.assertAccessible("My certificates (empty)");
        // The vendor route lists the templates alice may enroll from.
        new Select(browser.waitFor(By.cssSelector("#enroll-form select[name=profiletemplateuuid]")))
                .selectByValue(TEMPLATE);
        browser.driver()
                .findElement(By.cssSelector("#enroll-form textarea[name=comment]"))
                .sendKeys("new laptop");
        browser.driver()
                .findElement(By.cssSelector("#enroll-form button[type=submit]"))
                .click();

        WebElement request = browser.waitFor(By.cssSelector("#requests .request[data-status=Approved]"));
        assertTrue(request.getText().contains("Enroll request"), request.getText());
        request.findElement(By.cssSelector("button[type=submit]")).click();
        String pin = browser.waitFor(By.id("generated-pin")).getText();
        assertEquals(8, pin.length(), "the server's PIN is shown once: " + pin);
        browser.screenshot("certificates-pin-shown-once");
        browser.driver()
                .findElement(By.cssSelector("dialog button[value=close]"))
                .click();

        WebElement card = browser.waitFor(By.cssSelector("#profiles .profile"));
        String id = card.getAttribute("data-profile");
        JsonNode mine = profiles(alice);
        assertEquals(1, mine.size());
        assertEquals(id, mine.get(0).get("Uuid").asText(), "the card is the profile the API holds");
        assertTrue(card.getText().contains("Active"), card.getText());
        assertTrue(
                card.findElements(By.cssSelector("button[data-operation=renew]"))
                                .size()
                        == 1,
                "Renew is offered");
        browser.waitFor(By.cssSelector("#requests .request[data-status=Completed]"));
        assertFalse(browser.driver().getPageSource().contains(pin), "the PIN is gone from the page once dismissed");
        browser.screenshot("certificates");
        browser.assertAccessible("My certificates");
    }

    @Test
    void renewWaitsForASecondUsersApprovalFromTheQueueThenCompletes() {
        String old = enrolledThroughApi(carol);
        browser.signIn(carol.token());
        browser.waitFor(By.cssSelector("#profiles .profile[data-profile='" + old + "'] button[data-operation=renew]"))
                .click();
        browser.waitFor(By.cssSelector("dialog textarea[name=comment]")).sendKeys("expires soon");
        browser.driver().findElement(By.cssSelector("dialog button[value=go]")).click();
        WebElement pending = browser.waitFor(By.cssSelector("#requests .request[data-status=Pending]"));
        String requestId = pending.getAttribute("data-request");
        assertTrue(pending.findElement(By.cssSelector("[aria-current=step]"))
                .getText()
                .contains("Approval"));
        browser.signOut();

        browser.signIn(approver.token());
        browser.waitFor(By.cssSelector("#nav a[href='#/approvals']")).click();
        WebElement item = browser.waitFor(By.cssSelector("#queue .approval[data-request='" + requestId + "']"));
        assertTrue(item.getText().contains("Renew request"), item.getText());
        assertTrue(item.getText().contains("expires soon"), "the requester's reason is shown: " + item.getText());
        browser.screenshot("approvals");
        browser.assertAccessible("Approvals");
        item.findElement(By.cssSelector("button[value=approve]")).click();
        browser.waitFor(By.cssSelector("#queue .empty"));
        browser.signOut();

        browser.signIn(carol.token());
        WebElement approved = browser.waitFor(
                By.cssSelector("#requests .request[data-request='" + requestId + "'][data-status=Approved]"));
        approved.findElement(By.cssSelector("button[type=submit]")).click();
        browser.waitFor(By.cssSelector("#requests .request[data-request='" + requestId + "'][data-status=Completed]"));
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .until(d -> d.findElements(By.cssSelector("#profiles .profile")).size() == 2);
        JsonNode mine = profiles(carol);
        List<String> statuses = List.of(
                mine.get(0).get("Status").asText(), mine.get(1).get("Status").asText());
        assertEquals(List.of("6", "2"), statuses, "old profile Retired, the renewed one Active");
        WebElement oldCard =
                browser.driver().findElement(By.cssSelector("#profiles .profile[data-profile='" + old + "']"));
        assertTrue(oldCard.getText().contains("Retired"), oldCard.getText());
    }

    @Test
    void aRefusedEnrollmentShowsTheServersReasonBesideTheDataCollectionField() {
        browser.signIn(dora.token());
        new Select(browser.waitFor(By.cssSelector("#enroll-form select[name=profiletemplateuuid]")))
                .selectByValue(TAGGED);
        // The template's enroll policy asks for an asset tag: its field appears; left empty, the server refuses.
        WebElement tag = browser.waitFor(By.cssSelector("#enroll-form input[data-collect='Asset tag']"));
        browser.driver()
                .findElement(By.cssSelector("#enroll-form button[type=submit]"))
                .click();
        WebElement error = browser.waitFor(By.cssSelector("#enroll-form [data-field=datacollection] .field-error"));
        browser.waitForText(By.cssSelector("#enroll-form [data-field=datacollection] .field-error"), "Asset tag");
        assertFalse(error.getText().isBlank());
        assertEquals("true", tag.getAttribute("aria-invalid"));
        assertEquals(tag, browser.driver().switchTo().activeElement(), "focus moves to the field at fault");
        browser.screenshot("certificates-error-beside-field");

        tag.sendKeys("LT-0042");
        browser.driver()
                .findElement(By.cssSelector("#enroll-form button[type=submit]"))
                .click();
        WebElement request = browser.waitFor(By.cssSelector("#requests .request[data-status=Approved]"));
        String id = request.getAttribute("data-request");
        JsonNode stored = json(http.get(CM + "/requests/" + id, dora.auth()));
        assertEquals("LT-0042", stored.get("DataCollection").get(0).get("Value").asText(), stored.toString());
    }
}
