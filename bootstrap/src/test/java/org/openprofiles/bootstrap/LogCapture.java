package org.openprofiles.bootstrap;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.slf4j.LoggerFactory;

/**
 * Keeps every log event of this JVM (the server under test runs in it) while open, so a test can
 * read what the server logged. Access-log lines are written just after the response, so
 * {@link #await} waits a little for them.
 */
final class LogCapture implements AutoCloseable {

    private final Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    LogCapture() {
        appender.setContext(root.getLoggerContext());
        appender.start();
        root.addAppender(appender);
    }

    /** Everything logged so far. */
    List<ILoggingEvent> events() {
        synchronized (appender) {
            return List.copyOf(appender.list);
        }
    }

    /** The events matching {@code which}, waiting up to five seconds for at least {@code count} of them. */
    List<ILoggingEvent> await(int count, Predicate<ILoggingEvent> which) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        List<ILoggingEvent> found = events().stream().filter(which).toList();
        while (found.size() < count && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            found = events().stream().filter(which).toList();
        }
        return found;
    }

    void clear() {
        synchronized (appender) {
            appender.list.clear();
        }
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        appender.stop();
    }
}
