package org.openprofiles.bootstrap;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import org.slf4j.LoggerFactory;

/**
 * Switches the log to JSON lines when the configuration asks for it ({@code PROFILES_LOG_FORMAT=json}):
 * logback's own {@link JsonEncoder} on the console appender, one object per line with the time,
 * level, thread, logger, the logging context (the request id), the key-value pairs (the access
 * log's fields), the formatted message and any stack trace. Text stays the default.
 */
final class LogFormat {

    /** The appender ({@link LogSetup}) whose format is switched. */
    static final String APPENDER = "CONSOLE";

    private LogFormat() {}

    /** Applies the configured format to the console appender; text leaves {@link LogSetup}'s pattern alone. */
    static void apply(Config config) {
        if (!config.jsonLogs() || !(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        Appender<ILoggingEvent> appender =
                context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender(APPENDER);
        if (appender instanceof OutputStreamAppender<ILoggingEvent> console) {
            toJson(console);
        }
    }

    /** Replaces {@code appender}'s encoder by a JSON one, without losing a line in between. */
    static void toJson(OutputStreamAppender<ILoggingEvent> appender) {
        JsonEncoder json = new JsonEncoder();
        json.setContext(appender.getContext());
        json.setWithSequenceNumber(false);
        json.setWithNanoseconds(false);
        json.setWithContext(false);
        json.setWithArguments(false);
        json.setWithMessage(false);
        json.setWithFormattedMessage(true);
        json.start();
        appender.setEncoder(json);
    }
}
