package org.openprofiles.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** How the server serves the console: open to all, right types, caching, hardening headers. */
class ConsoleServingTest extends EndToEndTest {

    private static final List<String> FILES = List.of(
            "app.js",
            "api.js",
            "auth.js",
            "ui.js",
            "charts.js",
            "colors.js",
            "certificates.js",
            "views/certificates.js",
            "views/approvals.js",
            "views/access.js",
            "views/admin.js");

    private static String header(HttpResponse<String> response, String name) {
        String value = response.headers().firstValue(name).orElse("");
        // Grizzly writes media type parameters without the optional space.
        return name.equals("Content-Type") ? value.replace(";charset", "; charset") : value;
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = getClass("org/openprofiles/console/" + path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static InputStream getClass(String name) {
        InputStream in = ConsoleServingTest.class.getClassLoader().getResourceAsStream(name);
        assertTrue(in != null, name + " is on the classpath");
        return in;
    }

    @Test
    void thePageIsServedWithoutATokenWithAStrictContentSecurityPolicy() {
        for (String path : List.of("/console", "/console/")) {
            HttpResponse<String> page = http.get(path);
            assertEquals(200, page.statusCode(), path);
            assertEquals("text/html; charset=utf-8", header(page, "Content-Type"));
            String csp = header(page, "Content-Security-Policy");
            assertTrue(csp.contains("default-src 'none'"), csp);
            assertTrue(csp.contains("script-src 'self'"), csp);
            assertTrue(csp.contains("style-src 'self'"), csp);
            assertTrue(csp.contains("frame-ancestors 'none'"), csp);
            assertFalse(csp.contains("unsafe-inline"), csp);
            assertFalse(csp.contains("unsafe-eval"), csp);
            assertEquals("nosniff", header(page, "X-Content-Type-Options"));
            assertEquals("no-referrer", header(page, "Referrer-Policy"));
            assertEquals("DENY", header(page, "X-Frame-Options"));
            assertEquals("no-cache", header(page, "Cache-Control"));
        }
        assertEquals(401, http.get("/admin/v1/users").statusCode(), "the API itself still needs a token");
        assertEquals(401, http.get("/consoles").statusCode(), "only the console's own path is open");
    }

    @Test
    void filesHaveTheirTypesAndAreRevalidatedWithTheirETag() {
        HttpResponse<String> script = http.get("/console/app.js");
        assertEquals(200, script.statusCode());
        assertEquals("text/javascript; charset=utf-8", header(script, "Content-Type"));
        assertEquals("text/css; charset=utf-8", header(http.get("/console/console.css"), "Content-Type"));
        assertEquals("image/svg+xml", header(http.get("/console/icon.svg"), "Content-Type"));
        String etag = header(script, "ETag");
        assertTrue(etag.matches("\"[0-9a-f]{32}\""), etag);
        HttpResponse<String> again = http.get("/console/app.js", "If-None-Match", etag);
        assertEquals(304, again.statusCode());
        assertEquals("", again.body());
        assertEquals(
                200, http.get("/console/app.js", "If-None-Match", "\"other\"").statusCode());
    }

    @Test
    void theChartLibraryComesFromItsWebjarUnderAVersionedPathCachedForAYear() {
        HttpResponse<String> library = http.get("/console/lib/echarts-5.3.1/echarts.esm.min.js");
        assertEquals(200, library.statusCode());
        assertEquals("text/javascript; charset=utf-8", header(library, "Content-Type"));
        assertEquals("public, max-age=31536000, immutable", header(library, "Cache-Control"));
        assertTrue(library.body().length() > 500_000, "the whole library");
    }

    @Test
    void unknownOrCraftedPathsAre404sNeverFilesOutsideTheConsole() {
        for (String path : List.of(
                "/console/missing.js",
                "/console/%2e%2e/%2e%2e/META-INF/MANIFEST.MF",
                "/console/..%2fapp.js",
                "/console/App.js",
                "/console/views",
                "/console/app.js.map",
                "/console/lib/echarts-5.3.1/echarts.js",
                "/console/org/openprofiles/console/app.js")) {
            HttpResponse<String> response = http.get(path);
            assertEquals(404, response.statusCode(), path);
            assertEquals("application/problem+json", header(response, "Content-Type"), path);
        }
    }

    @Test
    void configTellsThePageThatOnlyTokenSignInIsOfferedWhenNoProviderIsConfigured() {
        HttpResponse<String> config = http.get("/console/config.json");
        assertEquals(200, config.statusCode());
        assertEquals("{}", config.body());
        assertEquals("no-store", header(config, "Cache-Control"));
    }

    @Test
    void thePageAndScriptsHaveNoInlineCodeNoMarkupInjectionAndNoEval() throws IOException {
        String html = resource("index.html");
        Matcher scripts = Pattern.compile("<script([^>]*)>").matcher(html);
        while (scripts.find()) {
            assertTrue(scripts.group(1).contains("src="), "every script is a file: " + scripts.group());
        }
        assertFalse(html.contains("<style"), "no inline style element");
        assertFalse(Pattern.compile("\\sstyle=").matcher(html).find(), "no style attribute");
        assertFalse(Pattern.compile("\\son[a-z]+=").matcher(html).find(), "no inline event handler");
        for (String file : FILES) {
            String source = resource(file);
            for (String banned : List.of(
                    "innerHTML",
                    "outerHTML",
                    "insertAdjacentHTML",
                    "document.write",
                    "eval(",
                    "new Function",
                    "setAttribute('style'",
                    "console.log")) {
                assertFalse(source.contains(banned), file + " uses " + banned);
            }
        }
    }
}
