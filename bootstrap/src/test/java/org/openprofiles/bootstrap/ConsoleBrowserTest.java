package org.openprofiles.bootstrap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/**
 * Base of the console's browser tests: the shared real server of {@link EndToEndTest} plus one
 * headless Chromium per test class. After each test the browser console must be free of
 * Content-Security-Policy refusals and script errors.
 */
abstract class ConsoleBrowserTest extends EndToEndTest {

    protected static ConsoleBrowser browser;

    @BeforeAll
    static void openBrowser() {
        browser = ConsoleBrowser.open(server.uri());
    }

    @AfterEach
    void consoleStaysClean() {
        browser.assertCleanConsole();
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }
}
