package org.openprofiles.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A client that left before its response was written is one DEBUG line of the service's, not
 * Jersey's ERROR with a stack trace; Jersey's other errors pass as they are.
 */
class ClientGoneFilterTest {

    private final LoggerContext context = new LoggerContext();
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeEach
    void setUp() {
        LogSetup.apply(context);
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.getAppender(LogFormat.APPENDER).stop();
        root.detachAppender(LogFormat.APPENDER);
        logged.setContext(context);
        logged.start();
        root.addAppender(logged);
    }

    @AfterEach
    void tearDown() {
        context.stop();
    }

    /** What Jersey's responder hands the logging bridge when the client's connection closed under a write. */
    private static RuntimeException connectionClosed() {
        IOException brokenPipe = new IOException("Broken pipe");
        IOException closed = new IOException("Connection is closed", brokenPipe);
        return new IllegalStateException("java.io.IOException: Connection is closed", closed);
    }

    private List<ILoggingEvent> from(String logger) {
        return logged.list.stream()
                .filter(e -> e.getLoggerName().equals(logger))
                .toList();
    }

    @Test
    void aWriteThatFailedBecauseTheClientLeftIsOneDebugLineWithoutAStackTrace() {
        context.getLogger(ClientGoneFilter.LOGGER).setLevel(Level.DEBUG);

        context.getLogger(ClientGoneFilter.JERSEY_RESPONDER)
                .error(
                        "An I/O error has occurred while writing a response message entity to the container output stream.",
                        connectionClosed());

        assertEquals(List.of(), from(ClientGoneFilter.JERSEY_RESPONDER));
        List<ILoggingEvent> gone = from(ClientGoneFilter.LOGGER);
        assertEquals(1, gone.size());
        assertEquals(Level.DEBUG, gone.get(0).getLevel());
        assertNull(gone.get(0).getThrowableProxy());
        assertTrue(
                gone.get(0).getFormattedMessage().endsWith("java.io.IOException: Connection is closed"),
                gone.get(0).getFormattedMessage());
    }

    @Test
    void atTheServersLevelsNothingIsWrittenForIt() {
        context.getLogger(ClientGoneFilter.JERSEY_RESPONDER).error("An I/O error has occurred", connectionClosed());

        assertEquals(List.of(), logged.list);
    }

    @Test
    void jerseysOtherErrorsAndOtherLoggersFailuresPassUnchanged() {
        IllegalStateException bug = new IllegalStateException("mapper failed");
        context.getLogger(ClientGoneFilter.JERSEY_RESPONDER).error("Error while mapping", bug);
        context.getLogger("org.openprofiles.bootstrap.Server").warn("disk", new IOException("No space left"));

        assertEquals(1, from(ClientGoneFilter.JERSEY_RESPONDER).size());
        assertEquals(
                "mapper failed",
                from(ClientGoneFilter.JERSEY_RESPONDER)
                        .get(0)
                        .getThrowableProxy()
                        .getMessage());
        assertEquals(1, from("org.openprofiles.bootstrap.Server").size());
    }
}
