package org.openprofiles.bootstrap;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openprofiles.application.access.DirectorySyncSchedule;
import org.openprofiles.application.access.StartDirectorySync;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The threads of directory syncing in a running server: one that runs syncs (one at a time), and
 * timers for their heartbeats and for the schedule, which asks every {@link #tick} whether a sync
 * is due (the decision is the stored syncs', so several servers on one database agree). Closing
 * stops the schedule and cancels a running sync (it rolls back and is recorded as failed).
 */
final class DirectorySyncing implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DirectorySyncing.class);
    /** The schedule is asked at least this often. */
    private static final Duration MAX_TICK = Duration.ofSeconds(30);
    /** How long closing waits for a cancelled sync to roll back and record its failure. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(15);

    private final ExecutorService runs = Executors.newSingleThreadExecutor(daemons("directory-sync"));
    private final ScheduledExecutorService timers =
            Executors.newScheduledThreadPool(2, daemons("directory-sync-timer"));

    ExecutorService runs() {
        return runs;
    }

    ScheduledExecutorService timers() {
        return timers;
    }

    /** Starts asking the schedule; nothing when it is on demand only. */
    void startSchedule(DirectorySyncSchedule schedule, StartDirectorySync start) {
        if (!schedule.enabled()) {
            return;
        }
        long tick = tick(schedule).toMillis();
        timers.scheduleWithFixedDelay(
                () -> {
                    try {
                        start.startIfDue()
                                .ifPresent(sync -> LOG.info(
                                        "Scheduled directory sync {} ({}) started",
                                        sync.id(),
                                        sync.mode().code()));
                    } catch (RuntimeException e) {
                        LOG.warn("The directory sync schedule could not start a sync: {}", e.getMessage());
                    }
                },
                tick,
                tick,
                TimeUnit.MILLISECONDS);
    }

    /** How often the schedule is asked: the interval, but at least every {@link #MAX_TICK}. */
    static Duration tick(DirectorySyncSchedule schedule) {
        Duration interval = schedule.interval();
        return interval.compareTo(MAX_TICK) < 0 ? interval : MAX_TICK;
    }

    @Override
    public void close() {
        timers.shutdownNow();
        runs.shutdownNow();
        try {
            if (!runs.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("a directory sync did not stop within {}; it is rolled back with the database", STOP_WAIT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory daemons(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
