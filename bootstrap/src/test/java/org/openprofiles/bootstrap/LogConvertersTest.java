package org.openprofiles.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shipped text format writes, with its cheaper pattern words, exactly what the date and replace words wrote. */
class LogConvertersTest {

    private static final String FORMER_PATTERN =
            "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level %logger{24}%replace( [%X{requestId}]){' \\[\\]', ''} - %msg%n";

    @Test
    void theShippedPatternWritesWhatTheFormerOneWrote() throws Exception {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
        LogSetup.apply(context);
        try {
            QueuedConsoleAppender console = assertInstanceOf(
                    QueuedConsoleAppender.class,
                    context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender(LogFormat.APPENDER));
            Encoder<ch.qos.logback.classic.spi.ILoggingEvent> shipped = console.getEncoder();
            PatternLayoutEncoder former = new PatternLayoutEncoder();
            former.setContext(context);
            former.setPattern(FORMER_PATTERN);
            former.start();
            // A name longer than %logger{24}, so the abbreviation is compared too.
            Logger logger = context.getLogger("org.openprofiles.adapter.rest.shared.RequestObservation");
            for (long time :
                    List.of(0L, 1_764_643_801_123L, 1_764_643_801_007L, 1_764_643_801_050L, 1_764_643_802_999L)) {
                for (Map<String, String> mdc : List.of(Map.<String, String>of(), Map.of("requestId", "req-42"))) {
                    LoggingEvent event =
                            new LoggingEvent(Logger.class.getName(), logger, Level.INFO, "GET /health 200", null, null);
                    event.setTimeStamp(time);
                    event.setMDCPropertyMap(mdc);
                    String expected = new String(former.encode(event), StandardCharsets.UTF_8);
                    assertEquals(expected, new String(shipped.encode(event), StandardCharsets.UTF_8));
                }
            }
        } finally {
            context.stop();
        }
    }
}
