package org.openprofiles.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openprofiles.adapter.rest.shared.RequestObservation;
import org.openprofiles.domain.security.Role;

/**
 * What an operator sees of a running server: request ids, the access log, the metrics, and health
 * in the MicroProfile shape, from real requests to a real server.
 */
class ObservabilityTest extends EndToEndTest {

    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";
    private static LogCapture logs;
    private static TestUsers.Caller reader;
    private static TestUsers.Caller monitoring;

    @BeforeAll
    static void arrange() {
        logs = new LogCapture();
        reader = TestUsers.create(server, "observed-reader", Role.PROFILE_READER);
        monitoring = TestUsers.create(server, "prometheus", Role.METRICS_READER);
    }

    @AfterAll
    static void release() {
        logs.close();
    }

    @BeforeEach
    void forget() {
        logs.clear();
    }

    private static JsonNode json(HttpResponse<String> response) {
        return AccessFixtures.json(response);
    }

    private static List<ILoggingEvent> accessLines(String requestId) {
        return logs.await(
                1,
                e -> e.getLoggerName().equals(RequestObservation.ACCESS_LOGGER)
                        && requestId.equals(e.getMDCPropertyMap().get("requestId")));
    }

    private static Map<String, String> fields(ILoggingEvent event) {
        return event.getKeyValuePairs().stream()
                .collect(Collectors.toMap(kv -> kv.key, kv -> String.valueOf(kv.value)));
    }

    @Test
    void aSaneRequestIdIsEchoedAndAnyOtherIsReplacedByAGeneratedOne() {
        HttpResponse<String> given = http.get("/health", "X-Request-Id", "checkout-42.a:b");
        assertEquals(
                "checkout-42.a:b", given.headers().firstValue("X-Request-Id").orElse(""));
        HttpResponse<String> none = http.get("/health");
        assertTrue(none.headers().firstValue("X-Request-Id").orElse("").matches(UUID_PATTERN));
        for (String insane : List.of("a b", "x".repeat(129), "id\"quoted", "<script>")) {
            HttpResponse<String> replaced = http.get("/health", "X-Request-Id", insane);
            String echoed = replaced.headers().firstValue("X-Request-Id").orElse("");
            assertTrue(echoed.matches(UUID_PATTERN), insane + " -> " + echoed);
        }
    }

    @Test
    void everyProblemCarriesTheRequestIdAndTheAccessLineTheSame() {
        HttpResponse<String> missingToken = http.get("/admin/v1/users", "X-Request-Id", "problem-401");
        HttpResponse<String> unknownRoute = http.get("/no/such/route", TestUsers.admin());
        HttpResponse<String> badJson = http.post("/api/v1/Profiles/CreateUpdate", "{\"name\":", reader.auth());
        for (HttpResponse<String> response : List.of(missingToken, unknownRoute, badJson)) {
            String id = response.headers().firstValue("X-Request-Id").orElseThrow();
            assertEquals(id, json(response).path("requestId").asText(), response.body());
            assertEquals(1, accessLines(id).size(), "one access line for " + id);
        }
        assertEquals("problem-401", json(missingToken).path("requestId").asText());
    }

    @Test
    void anUnexpectedFailureLogsOneStackTraceOnceWithTheRequestIdWhichItsBodyNamesBesideTheCorrelationId() {
        db.execute("ALTER TABLE access_profile RENAME TO access_profile_gone");
        HttpResponse<String> response;
        try {
            response = http.get("/api/v1/Profiles", reader.auth());
        } finally {
            db.execute("ALTER TABLE access_profile_gone RENAME TO access_profile");
        }
        assertEquals(500, response.statusCode());
        JsonNode body = json(response);
        String id = response.headers().firstValue("X-Request-Id").orElseThrow();
        assertEquals(id, body.path("requestId").asText());
        assertTrue(body.path("correlationId").asText().matches(UUID_PATTERN), response.body());
        accessLines(id);
        List<ILoggingEvent> withTrace = logs.events().stream()
                .filter(e -> e.getThrowableProxy() != null)
                .toList();
        assertEquals(1, withTrace.size(), "one stack trace: " + withTrace);
        ILoggingEvent failure = withTrace.get(0);
        assertEquals(Level.ERROR, failure.getLevel());
        assertEquals(id, failure.getMDCPropertyMap().get("requestId"));
        assertTrue(failure.getFormattedMessage()
                .contains(body.path("correlationId").asText()));
        assertFalse(
                failure.getThrowableProxy().getMessage() != null
                        && failure.getThrowableProxy().getMessage().contains("template_policy"),
                "the database's message stays redacted");
        assertFalse(
                failure.getThrowableProxy().getMessage() != null
                        && failure.getThrowableProxy().getMessage().contains("access_profile"),
                "the database's message stays redacted");
    }

    @Test
    void clientMistakesLogNoStackTraceAndNoLineCarriesATokenOrABody() {
        String secretName = "Secret-" + UUID.randomUUID();
        http.get("/admin/v1/users", "Authorization", "Bearer not-a-real-token-0123456789");
        http.get("/admin/v1/users", "Authorization", "Basic dXNlcjpwYXNz");
        http.post(
                "/api/v1/Profiles/CreateUpdate", "{\"name\":\"" + secretName + "\",\"color\":\"red\"}", reader.auth());
        http.post("/api/v1/Profiles/CreateUpdate", "{\"name\":\"x\\u0000\"}", reader.auth());
        http.delete("/health");
        http.get("/api/v1/Profiles?AdditionalProfileInformation=not-a-guid", reader.auth());
        http.get("/admin/v1/users", reader.auth());
        logs.await(7, e -> e.getLoggerName().equals(RequestObservation.ACCESS_LOGGER));
        for (ILoggingEvent event : logs.events()) {
            assertNull(event.getThrowableProxy(), "no stack trace for a client mistake: " + event);
            String line = event.getFormattedMessage() + " " + event.getKeyValuePairs();
            assertFalse(line.contains("not-a-real-token"), line);
            assertFalse(line.contains(reader.token()), line);
            assertFalse(line.contains("dXNlcjpwYXNz"), line);
            assertFalse(line.contains(secretName), line);
        }
    }

    @Test
    void oneAccessLineGivesMethodPathRouteTemplateStatusSizeDurationAndTheUser() {
        String profile = UUID.randomUUID().toString();
        HttpResponse<String> response =
                http.get("/API/v1/profiles/AssignmentsByProfileId?profileId=" + profile, reader.auth());
        String id = response.headers().firstValue("X-Request-Id").orElseThrow();
        List<ILoggingEvent> lines = accessLines(id);
        assertEquals(1, lines.size());
        ILoggingEvent line = lines.get(0);
        assertEquals(Level.INFO, line.getLevel());
        Map<String, String> fields = fields(line);
        assertEquals("GET", fields.get("method"));
        assertEquals("/API/v1/profiles/AssignmentsByProfileId", fields.get("path"), "the path as sent, no query");
        assertEquals("/api/v1/profiles/assignmentsbyprofileid", fields.get("route"));
        assertEquals(String.valueOf(response.statusCode()), fields.get("status"));
        assertEquals(
                String.valueOf(response.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length),
                fields.get("bytes"));
        assertTrue(fields.get("durationMs").matches("\\d+\\.\\d"), fields.get("durationMs"));
        assertEquals(reader.id().toString(), fields.get("user"));
        assertFalse(line.getFormattedMessage().contains(profile), "no query string: " + line.getFormattedMessage());
        assertTrue(line.getFormattedMessage().contains("route=/api/v1/profiles/assignmentsbyprofileid"));
    }

    @Test
    void aRequestWithABodyGetsItsAccessLineWithSizeAndUserAndNoErrorIsLogged() {
        String login = "logged-" + UUID.randomUUID().toString().substring(0, 8);
        // The request intake receives bodies before Jersey runs, and Grizzly finishes such a request
        // before Jersey reports it finished: the line must not depend on the request's properties then.
        HttpResponse<String> created =
                http.post("/admin/v1/users", "{\"login\":\"" + login + "\",\"roles\":[]}", TestUsers.admin());
        assertEquals(201, created.statusCode(), created.body());
        String id = created.headers().firstValue("X-Request-Id").orElseThrow();
        List<ILoggingEvent> lines = accessLines(id);
        assertEquals(1, lines.size());
        Map<String, String> fields = fields(lines.get(0));
        assertEquals("POST", fields.get("method"));
        assertEquals("201", fields.get("status"));
        assertEquals(
                String.valueOf(created.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length),
                fields.get("bytes"));
        assertFalse(fields.get("user").equals("-"), "the admin signed in: " + fields);
        assertTrue(
                logs.events().stream().noneMatch(e -> e.getLevel() == Level.ERROR),
                "no error logged: "
                        + logs.events().stream()
                                .filter(e -> e.getLevel() == Level.ERROR)
                                .map(ILoggingEvent::getFormattedMessage)
                                .toList());
    }

    @Test
    void metricsNeedATokenOfAMetricsReaderOrAnAdmin() {
        assertEquals(401, http.get("/metrics").statusCode());
        assertEquals(403, http.get("/metrics", reader.auth()).statusCode());
        HttpResponse<String> scraped = http.get("/metrics", monitoring.auth());
        assertEquals(200, scraped.statusCode());
        assertTrue(scraped.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
        assertEquals(200, http.get("/metrics", TestUsers.admin()).statusCode());
    }

    @Test
    void metricsCountRequestsByRouteTemplateMethodAndStatusAndNoLabelCarriesAnIdATokenOrARawPath() {
        UUID template = UUID.randomUUID();
        http.get("/admin/v1/profile-templates/" + template, TestUsers.admin());
        http.get("/admin/v1/profile-templates/" + UUID.randomUUID(), TestUsers.admin());
        http.get("/admin/v1/users", "Authorization", "Bearer nobody-knows-this-token-0123456789");
        http.get("/no/such/" + template, TestUsers.admin());
        String login = "created-" + UUID.randomUUID().toString().substring(0, 8);
        assertEquals(
                201,
                http.post("/admin/v1/users", "{\"login\":\"" + login + "\",\"roles\":[]}", TestUsers.admin())
                        .statusCode());
        String text = scrapeUntil("openprofiles_audit_events_total{action=\"user.create\"}");
        assertEquals(
                2.0,
                sample(
                        text,
                        "http_server_requests_seconds_count",
                        Map.of("method", "GET", "route", "/admin/v1/profile-templates/{id}", "status", "404")));
        assertTrue(
                text.lines()
                        .anyMatch(l -> l.startsWith("http_server_requests_seconds_bucket{")
                                && l.contains("le=\"0.005\"")
                                && l.contains("route=\"/admin/v1/profile-templates/{id}\"")),
                "a latency histogram");
        assertTrue(sample(
                        text,
                        "http_server_requests_seconds_count",
                        Map.of("method", "GET", "route", RequestObservation.UNMATCHED, "status", "404"))
                >= 1);
        assertTrue(sample(text, "openprofiles_authentication_failures_total", Map.of("reason", "invalid_token")) >= 1);
        assertTrue(sample(text, "openprofiles_audit_events_total", Map.of("action", "user.create")) >= 1);
        assertTrue(sample(text, "hikaricp_connections_max", Map.of("pool", "openprofiles")) >= 1);
        assertTrue(text.contains("jvm_memory_used_bytes{area=\"heap\""), "JVM metrics");
        assertTrue(text.contains("process_cpu_usage"), "process metrics");
        assertEquals(0.0, sample(text, "openprofiles_certificates_issued_total", Map.of()));
        Matcher labels = Pattern.compile("\\{([^}]*)}").matcher(text);
        while (labels.find()) {
            String set = labels.group(1);
            assertFalse(set.contains(template.toString()), "no id in a label: " + set);
            assertFalse(set.contains(login), "no login in a label: " + set);
            assertFalse(
                    set.contains(reader.id().toString())
                            || set.contains(monitoring.id().toString()),
                    set);
            assertFalse(set.contains("nobody-knows") || set.contains(TestServers.ADMIN_TOKEN), "no token: " + set);
            assertFalse(set.contains("/no/such"), "no raw path: " + set);
        }
    }

    @Test
    void healthAnswersInTheMicroProfileShapeAndTheFirstRoutesKeepTheirs() throws InterruptedException {
        HttpResponse<String> live = http.get("/health/live");
        assertEquals(200, live.statusCode());
        assertEquals("{\"status\":\"UP\",\"checks\":[]}", live.body());
        // The CA's keys are read once the server serves: its check is DOWN ("not started yet") until then.
        HttpResponse<String> ready = http.get("/health/ready");
        for (long deadline = System.nanoTime() + 10_000_000_000L;
                ready.body().contains("not started yet") && System.nanoTime() < deadline; ) {
            Thread.sleep(20);
            ready = http.get("/health/ready");
        }
        assertEquals(200, ready.statusCode());
        assertTrue(
                ready.body()
                        .startsWith("{\"status\":\"UP\",\"checks\":[{\"name\":\"database\",\"status\":\"UP\"},"
                                + "{\"name\":\"certificate-authority\",\"status\":\"UP\",\"data\":{"),
                ready.body());
        // The facts' order is not fixed.
        assertTrue(
                ready.body().contains("\"issuer\":\"CN=") && ready.body().contains("\"issuingNotAfter\":"),
                ready.body());
        assertFalse(ready.body().contains("directory-sync"), "no directory configured: " + ready.body());
        HttpResponse<String> started = http.get("/health/started");
        assertEquals(200, started.statusCode());
        assertEquals("{\"status\":\"UP\",\"checks\":[{\"name\":\"startup\",\"status\":\"UP\"}]}", started.body());
        assertEquals("{\"status\":\"UP\"}", http.get("/health").body());
        assertEquals(
                "{\"status\":\"READY\",\"database\":\"UP\"}", http.get("/ready").body());
    }

    @Test
    void theApiPageIsServedOpenlyUnderAContentSecurityPolicyWithoutUnsafeInline() {
        HttpResponse<String> page = http.get("/docs");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("/docs/swagger-ui-bundle.js")
                && page.body().contains("/docs/init.js"));
        assertFalse(page.body().contains("<script>"), "no inline script");
        String policy = page.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(policy.contains("script-src 'self'"), policy);
        assertFalse(policy.contains("unsafe-inline") || policy.contains("unsafe-eval"), policy);
        assertTrue(http.get("/docs/init.js").body().contains("url: '/openapi.json'"));
        assertEquals(200, http.get("/docs/swagger-ui-bundle.js").statusCode());
        assertEquals(200, http.get("/docs/swagger-ui.css").statusCode());
        assertEquals(404, http.get("/docs/swagger-ui-es-bundle.js").statusCode(), "only the files the page loads");
        assertEquals(404, http.get("/docs/..%2Fconsole%2Findex.html").statusCode());
    }

    /** Scrapes until {@code expected} is there (the last requests' metrics are recorded just after their responses). */
    private static String scrapeUntil(String expected) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        String text = http.get("/metrics", monitoring.auth()).body();
        while (!text.contains(expected) && System.nanoTime() < deadline) {
            text = http.get("/metrics", monitoring.auth()).body();
        }
        return text;
    }

    /** The value of the sample of {@code name} with exactly these labels, or -1 when there is none. */
    static double sample(String text, String name, Map<String, String> labels) {
        for (String line : text.lines().toList()) {
            if (!line.startsWith(name + "{") && !line.startsWith(name + " ")) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            String head = line.substring(0, space);
            Map<String, String> found = new java.util.HashMap<>();
            Matcher label = Pattern.compile("(\\w+)=\"([^\"]*)\"").matcher(head);
            while (label.find()) {
                found.put(label.group(1), label.group(2));
            }
            if (head.startsWith(name) && found.equals(labels)) {
                return Double.parseDouble(line.substring(space + 1));
            }
        }
        return -1;
    }

    @Test
    void theSampleReaderFindsOnlyExactLabelSets() {
        String text = "a_total{x=\"1\"} 2.0\na_total{x=\"1\",y=\"2\"} 3.0\nb 4.0\n";
        assertEquals(2.0, sample(text, "a_total", Map.of("x", "1")));
        assertEquals(3.0, sample(text, "a_total", Map.of("x", "1", "y", "2")));
        assertEquals(4.0, sample(text, "b", Map.of()));
        assertNotEquals(0, sample(text, "c", Map.of()));
    }
}
