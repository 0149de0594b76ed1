package org.openprofiles.bootstrap;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.Map;

/**
 * The server's logging, set up in code (logback finds this class as a service, before it looks for
 * XML): lines go to stderr through a queue written by one thread ({@link QueuedConsoleAppender}),
 * as text by default ({@link TextLayout}); a client that left before its answer was written is one
 * DEBUG line, not Jersey's ERROR with a stack trace ({@link ClientGoneFilter}); {@code PROFILES_LOG_FORMAT=json} swaps the appender's encoder for logback's
 * JSON one at start-up ({@link LogFormat}). It says what the former {@code logback.xml} said,
 * without the XML: parsing it and building logback's configuration model from it took about a
 * fifth of the time before a server start reached its first step.
 *
 * <p>A logback configuration of the operator's ({@code -Dlogback.configurationFile=…}) or a test's
 * {@code logback-test.xml} is used instead when there is one.
 */
public final class LogSetup extends ContextAwareBase implements Configurator {

    /**
     * Levels besides the root's WARN: the service's own INFO lines; libraries quiet unless something
     * is wrong (start-up failures are reported by Main in one line).
     */
    static final Map<String, Level> LEVELS = Map.of(
            "org.openprofiles", Level.INFO,
            "com.zaxxer.hikari", Level.WARN,
            "org.flywaydb", Level.WARN,
            "io.zonky", Level.WARN,
            // It logs a stack trace when asked to stop a postmaster that crashed; EmbeddedDatabase
            // reports what matters.
            "io.zonky.test.db.postgres.embedded.EmbeddedPostgres", Level.OFF,
            "org.glassfish", Level.WARN);

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null
                || LogSetup.class.getClassLoader().getResource("logback-test.xml") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        apply(context);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** Sets {@code context} up as the server logs. */
    static void apply(LoggerContext context) {
        TextLayout layout = new TextLayout();
        layout.setContext(context);
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setLayout(layout);
        encoder.start();
        QueuedConsoleAppender console = new QueuedConsoleAppender();
        console.setContext(context);
        console.setName(LogFormat.APPENDER);
        console.setEncoder(encoder);
        console.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(console);
        LEVELS.forEach((name, level) -> context.getLogger(name).setLevel(level));
        ClientGoneFilter clientGone = new ClientGoneFilter();
        clientGone.setContext(context);
        clientGone.start();
        context.addTurboFilter(clientGone);
    }
}
