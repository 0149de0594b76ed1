package org.openprofiles.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.spi.ILoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openprofiles.adapter.jdbc.testing.PostgresExtension;
import org.openprofiles.adapter.jdbc.testing.TestDatabase;
import org.openprofiles.adapter.rest.shared.RequestObservation;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The settings the performance benchmark compares (metrics and access log off), the start-up
 * lines, and the JSON log format.
 */
@ExtendWith(PostgresExtension.class)
class ObservabilitySwitchesTest {

    @Test
    void withMetricsAndTheAccessLogOffThereIsNoMetricsRouteAndNoAccessLineAndTheStartUpLinesSaySo(
            TestDatabase database) {
        try (LogCapture logs = new LogCapture()) {
            Config config = TestServers.build(
                    TestServers.builder(database).with(Config.METRICS, "false").with(Config.ACCESS_LOG, "false"));
            try (Server server = Server.start(config)) {
                Http http = new Http(server.uri());
                assertEquals(404, http.get("/metrics", TestUsers.admin()).statusCode());
                assertEquals(200, http.get("/health/ready").statusCode());
                assertEquals(200, http.get("/openapi.json").statusCode());
            }
            List<String> lines = logs.events().stream()
                    .map(ILoggingEvent::getFormattedMessage)
                    .toList();
            assertTrue(
                    logs.events().stream().noneMatch(e -> e.getLoggerName().equals(RequestObservation.ACCESS_LOGGER)));
            assertTrue(
                    lines.stream().anyMatch(l -> l.startsWith("database: external jdbc:postgresql://")),
                    lines.toString());
            assertTrue(
                    lines.stream()
                            .anyMatch(l -> l.matches("migrations: schema \\d+ → \\d+ \\(\\d+ migrations? applied\\)")),
                    lines.toString());
            assertTrue(lines.contains("connection pool: at most 4 connections"), lines.toString());
            assertTrue(lines.contains("OpenID Connect: off (API tokens only)"), lines.toString());
            assertTrue(lines.contains("metrics: off; access log: off; log format: text"), lines.toString());
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("listening on http://127.0.0.1:")), lines.toString());
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("stopping: waiting up to")), lines.toString());
            assertTrue(lines.contains("stopped"), lines.toString());
            assertFalse(
                    String.join("\n", lines)
                            .contains(
                                    database.settings().password().isEmpty()
                                            ? "password="
                                            : database.settings().password()),
                    "no password");
        }
    }

    @Test
    void theJsonFormatWritesOneObjectPerLineWithTheRequestIdAndTheAccessFields() throws Exception {
        ch.qos.logback.classic.LoggerContext context =
                (ch.qos.logback.classic.LoggerContext) LoggerFactory.getILoggerFactory();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ch.qos.logback.core.OutputStreamAppender<ILoggingEvent> appender =
                new ch.qos.logback.core.OutputStreamAppender<>();
        appender.setContext(context);
        ch.qos.logback.classic.encoder.PatternLayoutEncoder text =
                new ch.qos.logback.classic.encoder.PatternLayoutEncoder();
        text.setContext(context);
        text.setPattern("%msg%n");
        text.start();
        appender.setEncoder(text);
        appender.setOutputStream(out);
        appender.start();
        ch.qos.logback.classic.Logger logger = context.getLogger("json-format-test");
        logger.setAdditive(false);
        logger.setLevel(ch.qos.logback.classic.Level.INFO);
        logger.addAppender(appender);
        try {
            LogFormat.toJson(appender);
            MDC.put("requestId", "req-7");
            try {
                logger.atInfo().addKeyValue("status", 200).log("GET {} 200", "/health");
                logger.error("it broke", new IllegalStateException("boom"));
            } finally {
                MDC.remove("requestId");
            }
        } finally {
            logger.detachAppender(appender);
            appender.stop();
        }
        List<String> lines = out.toString(StandardCharsets.UTF_8)
                .lines()
                .filter(l -> !l.isBlank())
                .toList();
        assertEquals(2, lines.size(), "two lines");
        ObjectMapper mapper = new ObjectMapper();
        JsonNode access = mapper.readTree(lines.get(0));
        assertEquals("INFO", access.path("level").asText());
        assertEquals("json-format-test", access.path("loggerName").asText());
        assertEquals("GET /health 200", access.path("formattedMessage").asText());
        assertEquals("req-7", access.path("mdc").path("requestId").asText());
        assertEquals("200", access.path("kvpList").get(0).path("status").asText());
        assertTrue(access.path("timestamp").asLong() > 0);
        JsonNode failure = mapper.readTree(lines.get(1));
        assertEquals(
                "java.lang.IllegalStateException",
                failure.path("throwable").path("className").asText());
    }
}
