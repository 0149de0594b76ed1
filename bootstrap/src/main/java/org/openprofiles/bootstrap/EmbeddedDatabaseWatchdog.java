package org.openprofiles.bootstrap;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.openprofiles.adapter.jdbc.shared.DatabaseUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the embedded PostgreSQL back when its postmaster dies while the server runs (killed,
 * out of memory, stopped by hand): checks every {@code period} that the process still runs, and
 * restarts it on the same port, trying again with growing pauses (up to 30 s) while it cannot.
 * Meanwhile requests that need the database answer 503 with {@code Retry-After} and readiness
 * fails; the pool reconnects by itself once the database is back.
 */
final class EmbeddedDatabaseWatchdog implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabaseWatchdog.class);
    private static final long MAX_PAUSE_MILLIS = 30_000;

    private final EmbeddedDatabase database;
    private final ScheduledExecutorService timer;
    private int failures;
    private long nextAttempt;

    private EmbeddedDatabaseWatchdog(EmbeddedDatabase database) {
        this.database = database;
        this.timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "embedded-database-watchdog");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts watching {@code database}. */
    static EmbeddedDatabaseWatchdog watch(EmbeddedDatabase database, Duration period) {
        EmbeddedDatabaseWatchdog watchdog = new EmbeddedDatabaseWatchdog(database);
        watchdog.timer.scheduleWithFixedDelay(
                watchdog::check, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
        return watchdog;
    }

    private void check() {
        try {
            if (database.closed() || database.running()) {
                failures = 0;
                return;
            }
            long now = System.currentTimeMillis();
            if (now < nextAttempt) {
                return;
            }
            LOG.warn("the embedded PostgreSQL in {} is not running; restarting it", database.cluster());
            database.restart();
            LOG.info("the embedded PostgreSQL is running again after {} ms", System.currentTimeMillis() - now);
            failures = 0;
            nextAttempt = 0;
        } catch (DatabaseUnavailable e) {
            failures++;
            long pause = Math.min(MAX_PAUSE_MILLIS, 1_000L << Math.min(failures - 1, 5));
            nextAttempt = System.currentTimeMillis() + pause;
            LOG.warn(
                    "cannot restart the embedded PostgreSQL yet ({}); trying again in {} s",
                    e.getMessage(),
                    pause / 1000);
        } catch (RuntimeException e) {
            // The timer must keep running whatever happens here.
            LOG.error("embedded database watchdog failed", e);
        }
    }

    @Override
    public void close() {
        timer.shutdown();
        try {
            timer.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
