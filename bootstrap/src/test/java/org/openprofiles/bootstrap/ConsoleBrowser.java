package org.openprofiles.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium driven by Selenium for the console's tests, from Debian's {@code chromium}
 * and {@code chromium-driver} (nothing is downloaded: Selenium Manager is bypassed by naming both
 * binaries). When neither can be found the test is skipped with the command that installs them.
 * Besides driving the page it checks accessibility with axe-core, collects the browser's console
 * (a Content-Security-Policy refusal fails the test) and saves screenshots under
 * {@code target/console-screenshots}.
 */
final class ConsoleBrowser implements AutoCloseable {

    static final String HOW_TO_INSTALL =
            "no Chromium found for the console's browser tests: install Debian's packages with "
                    + "'apt-get install -y chromium chromium-driver' (or set CHROME_BIN and CHROMEDRIVER to a Chromium and its "
                    + "matching chromedriver); .ci/run installs them when missing";

    private static final Path SCREENSHOTS = Path.of("target", "console-screenshots");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ChromeDriver driver;
    private final URI base;
    private final Path profileDir;
    private final Path downloads;
    private final List<String> consoleLog = new ArrayList<>();

    private ConsoleBrowser(ChromeDriver driver, URI base, Path profileDir, Path downloads) {
        this.driver = driver;
        this.base = base;
        this.profileDir = profileDir;
        this.downloads = downloads;
    }

    /** Starts a browser for the server at {@code base}, or skips the calling test when none is installed. */
    static ConsoleBrowser open(URI base) {
        Optional<Path> chromium =
                executable("CHROME_BIN", "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome");
        Optional<Path> chromedriver =
                executable("CHROMEDRIVER", "/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");
        Assumptions.assumeTrue(chromium.isPresent() && chromedriver.isPresent(), HOW_TO_INSTALL);
        Path profile;
        Path downloads;
        try {
            profile = Files.createTempDirectory("console-chromium-");
            downloads = Files.createDirectories(profile.resolve("downloads"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.get().toFile());
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--user-data-dir=" + profile,
                "--window-size=1280,900",
                "--lang=en-US",
                "--force-device-scale-factor=1");
        options.setExperimentalOption(
                "prefs",
                Map.of(
                        "download.default_directory", downloads.toString(),
                        "download.prompt_for_download", false,
                        "safebrowsing.enabled", false));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.get().toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        return new ConsoleBrowser(driver, base, profile, downloads);
    }

    private static Optional<Path> executable(String variable, String... candidates) {
        String configured = System.getenv(variable);
        Stream<String> paths = configured == null || configured.isBlank()
                ? Stream.of(candidates)
                : Stream.concat(Stream.of(configured), Stream.of(candidates));
        return paths.map(Path::of).filter(Files::isExecutable).findFirst();
    }

    ChromeDriver driver() {
        return driver;
    }

    /** Opens the console afresh (a new page load; the tab's session storage survives). */
    void openConsole(String hash) {
        driver.get(base.resolve("/console/" + hash).toString());
    }

    /** Forgets any earlier sign-in and signs in with {@code token} through the sign-in form. */
    void signIn(String token) {
        openConsole("");
        ((JavascriptExecutor) driver).executeScript("sessionStorage.clear()");
        openConsole("");
        WebElement field = waitFor(By.cssSelector("#sign-in input[name=token]"));
        field.sendKeys(token);
        driver.findElement(By.cssSelector("#sign-in button[type=submit]")).click();
        waitFor(By.id("sign-out"));
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(d -> d.findElement(By.id("sign-out")).isDisplayed());
    }

    void signOut() {
        driver.findElement(By.id("sign-out")).click();
        waitFor(By.id("sign-in"));
    }

    WebElement waitFor(By by) {
        return new WebDriverWait(driver, Duration.ofSeconds(15))
                .until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    void waitForText(By by, String text) {
        new WebDriverWait(driver, Duration.ofSeconds(15))
                .until(ExpectedConditions.textToBePresentInElementLocated(by, text));
    }

    Object script(String source, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(source, args);
    }

    /**
     * The file the browser saved under {@code name} once it is complete (Chromium writes
     * {@code <name>.crdownload} until then), waiting for it as for any other condition.
     */
    byte[] downloaded(String name) {
        Path file = downloads.resolve(name);
        new WebDriverWait(driver, Duration.ofSeconds(30))
                .withMessage(() -> "no download named " + name + " in " + list(downloads))
                .until(d -> Files.isRegularFile(file) && !Files.exists(downloads.resolve(name + ".crdownload")));
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> list(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).toList();
        } catch (IOException e) {
            return List.of(e.toString());
        }
    }

    /** Saves what the page shows now as {@code target/console-screenshots/<name>.png}. */
    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs axe-core (from the com.deque.html.axe-core:selenium jar, test scope) on the page and
     * fails on any serious or critical violation, naming rule, elements and help.
     */
    void assertAccessible(String page) {
        String axe = axeSource();
        if (!Boolean.TRUE.equals(script("return typeof window.axe === 'object'"))) {
            script(axe);
        }
        Object result = ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, { resultTypes: ['violations'] })
                  .then(r => done(JSON.stringify(r.violations)))
                  .catch(e => done(JSON.stringify([{ id: 'axe-error', impact: 'critical', help: String(e), nodes: [] }])));
                """);
        List<String> serious = new ArrayList<>();
        try {
            for (JsonNode violation : JSON.readTree(String.valueOf(result))) {
                String impact = violation.path("impact").asText();
                if (impact.equals("serious") || impact.equals("critical")) {
                    List<String> targets = new ArrayList<>();
                    violation
                            .path("nodes")
                            .forEach(n -> targets.add(n.path("target").toString()));
                    serious.add(violation.path("id").asText() + " (" + impact + "): "
                            + violation.path("help").asText() + " at " + targets);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertEquals(List.of(), serious, "axe-core found serious or critical violations on " + page);
    }

    private static String axeSource() {
        try (InputStream in = ConsoleBrowser.class.getClassLoader().getResourceAsStream("axe.min.js")) {
            assertTrue(in != null, "axe.min.js is not on the test classpath (com.deque.html.axe-core:selenium)");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The browser's console messages since the last call (errors, CSP refusals, …). */
    List<String> consoleMessages() {
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            consoleLog.add(entry.getLevel() + " " + entry.getMessage());
        }
        return List.copyOf(consoleLog);
    }

    /** No script or style was refused by the Content-Security-Policy, and no script failed. */
    void assertCleanConsole() {
        List<String> bad = consoleMessages().stream()
                .filter(m -> m.contains("Content Security Policy")
                        || m.contains("Uncaught")
                        || m.contains("TypeError")
                        || m.contains("SyntaxError"))
                .toList();
        assertEquals(List.of(), bad, "the browser console reports problems");
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profileDir)) {
                files.sorted((a, b) -> b.getNameCount() - a.getNameCount())
                        .forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a temporary profile left behind is harmless
            }
        }
    }
}
