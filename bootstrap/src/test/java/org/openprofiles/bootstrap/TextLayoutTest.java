package org.openprofiles.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shipped text format writes exactly what the former logback pattern wrote, stack traces included. */
class TextLayoutTest {

    private static final String FORMER_PATTERN =
            "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level %logger{24}%replace( [%X{requestId}]){' \\[\\]', ''} - %msg%n";

    @Test
    void theShippedLayoutWritesWhatTheFormerPatternWrote() {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
        LogSetup.apply(context);
        try {
            QueuedConsoleAppender console = assertInstanceOf(
                    QueuedConsoleAppender.class,
                    context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender(LogFormat.APPENDER));
            Encoder<ILoggingEvent> shipped = console.getEncoder();
            PatternLayoutEncoder former = new PatternLayoutEncoder();
            former.setContext(context);
            former.setPattern(FORMER_PATTERN);
            former.start();
            IllegalStateException failure = new IllegalStateException("outer", new IOException("inner"));
            failure.addSuppressed(new IllegalArgumentException("suppressed"));
            for (String name : List.of("org.openprofiles.adapter.rest.shared.RequestObservation", "short")) {
                // A name longer than %logger{24}, so the abbreviation is compared too.
                Logger logger = context.getLogger(name);
                for (long time :
                        List.of(0L, 1_764_643_801_123L, 1_764_643_801_007L, 1_764_643_801_050L, 1_764_643_802_999L)) {
                    for (Map<String, String> mdc : List.of(Map.<String, String>of(), Map.of("requestId", "req-42"))) {
                        for (Level level : List.of(Level.INFO, Level.WARN, Level.ERROR)) {
                            for (Throwable thrown : Arrays.asList(null, failure)) {
                                LoggingEvent event = new LoggingEvent(
                                        Logger.class.getName(), logger, level, "GET /health {}", thrown, new Object[] {
                                            200
                                        });
                                event.setTimeStamp(time);
                                event.setMDCPropertyMap(mdc);
                                assertEquals(
                                        new String(former.encode(event), StandardCharsets.UTF_8),
                                        new String(shipped.encode(event), StandardCharsets.UTF_8));
                            }
                        }
                    }
                }
            }
        } finally {
            context.stop();
        }
    }
}
