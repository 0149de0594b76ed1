package org.openprofiles.bootstrap;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The API page in a real browser: Swagger UI loads under its Content-Security-Policy (no refusal
 * in the console, checked after each test), and "Try it out" with a pasted token calls this
 * server and shows its answer.
 */
class ApiDocsBrowserTest extends ConsoleBrowserTest {

    @Test
    void tryItOutWithAPastedTokenCallsTheServerAndShowsItsAnswer() {
        browser.driver().get(server.uri().resolve("/docs").toString());
        browser.waitForText(By.cssSelector(".swagger-ui .info .title"), "OpenProfiles");
        browser.driver()
                .findElement(By.cssSelector(".swagger-ui .btn.authorize"))
                .click();
        WebElement token = browser.waitFor(By.cssSelector(".modal-ux input[type=text]"));
        token.sendKeys(TestServers.ADMIN_TOKEN);
        browser.driver()
                .findElement(By.cssSelector(".modal-ux .auth-btn-wrapper .btn.modal-btn.authorize"))
                .click();
        browser.driver().findElement(By.cssSelector(".modal-ux .btn-done")).click();
        WebElement route =
                browser.waitFor(By.xpath("//div[contains(@class,'opblock-get')]//*[@data-path='/admin/v1/users']"));
        route.click();
        browser.waitFor(By.cssSelector(".opblock.is-open .try-out__btn")).click();
        browser.waitFor(By.cssSelector(".opblock.is-open .btn.execute")).click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(15))
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.cssSelector(".opblock.is-open .live-responses-table tbody .response-col_status"), "200"));
        String shown = browser.driver()
                .findElement(By.cssSelector(".opblock.is-open .live-responses-table"))
                .getText();
        assertTrue(shown.contains("\"login\": \"admin\""), shown);
        browser.screenshot("api-docs-try-it-out");
    }
}
