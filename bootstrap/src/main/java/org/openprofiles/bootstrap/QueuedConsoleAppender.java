package org.openprofiles.bootstrap;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.LoggerFactory;

/**
 * The console appender of the server's logging ({@link LogSetup}): a line is encoded on the thread that logs it and
 * queued; one writer thread writes what is queued to stderr in batches, flushing when the queue
 * is empty. A request thread so never waits for stderr (a slow log collector, a full pipe) nor
 * makes a system call per line, and the writer makes one per batch ({@value #WRITE_BUFFER} bytes
 * at most), not one per line: {@code System.err} flushes every write, so a line written to it
 * alone cost a system call (at one access line per request, about a twentieth of a read's CPU).
 * The writer is not woken by each line either: it looks at the queue every {@link #PAUSE} while
 * the queue is empty.
 *
 * <p><b>When the queue is full the line is dropped and counted, never waited for</b> (see
 * docs/observability.md): {@link #droppedLines()}, the metric {@value #DROPPED_METRIC}, and a
 * WARN line saying how many were lost once there is room again. An orderly stop writes every
 * line queued before it ({@link #stop}, {@link #drainConsole}).
 */
public final class QueuedConsoleAppender extends OutputStreamAppender<ILoggingEvent> {

    /** The metric counting lines dropped because the queue was full. */
    static final String DROPPED_METRIC = "openprofiles.log.lines.dropped";

    /** How long a stop waits for the queue to be written before it gives up (a stuck stderr). */
    static final Duration STOP_WAIT = Duration.ofSeconds(10);

    private static final int BATCH = 512;

    /** How long the writer waits before it looks at an empty queue again: how late a line may be written. */
    static final Duration PAUSE = Duration.ofMillis(10);

    /** The most the writer hands to stderr in one write. */
    static final int WRITE_BUFFER = 64 * 1024;

    private int queueSize = 8192;
    private OutputStream target = System.err;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong queued = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private final Object progress = new Object();
    private BlockingQueue<byte[]> queue;
    private Thread writer;
    private volatile boolean closing;

    /** How many lines may wait to be written (8192 unless set). */
    public void setQueueSize(int queueSize) {
        this.queueSize = queueSize;
    }

    /** Where lines go; stderr unless a test says otherwise. */
    void setTarget(OutputStream target) {
        this.target = target;
    }

    /** Lines dropped since start because the queue was full. */
    public long droppedLines() {
        return dropped.get();
    }

    /**
     * The appender started last: what {@link #drainConsole} drains. Kept here so that a command that
     * never logged (e.g. {@code version}) does not start the logging system just to drain it.
     */
    private static volatile QueuedConsoleAppender running;

    @Override
    public void start() {
        if (queueSize < 1) {
            addError("queueSize must be at least 1 for appender " + name);
            return;
        }
        queue = new ArrayBlockingQueue<>(queueSize);
        closing = false;
        setOutputStream(new Enqueuing());
        writer = new Thread(this::writeQueued, "log-writer");
        // Daemon: a queue never keeps the JVM alive; an orderly exit drains it (drainConsole, stop).
        writer.setDaemon(true);
        writer.start();
        super.start();
        running = this;
    }

    /** Takes no more lines, writes what was queued (waiting up to {@link #STOP_WAIT}), then stops. */
    @Override
    public void stop() {
        if (!isStarted()) {
            return;
        }
        super.stop();
        if (running == this) {
            running = null;
        }
        closing = true;
        try {
            writer.join(STOP_WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until every line queued before this call is written, at most {@code timeout}; whether they were. */
    public boolean drain(Duration timeout) {
        long goal = queued.get();
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (progress) {
            while (written.get() < goal) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || !writer.isAlive()) {
                    return false;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(progress, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return true;
    }

    /** The metric {@value #DROPPED_METRIC}, read from this appender at each scrape. */
    public void bindTo(MeterRegistry registry) {
        FunctionCounter.builder(DROPPED_METRIC, this, QueuedConsoleAppender::droppedLines)
                .description("log lines dropped because the console's queue was full (stderr did not keep up)")
                .register(registry);
    }

    /** The queued console appender of the root logger, when {@link LogSetup} configured one (tests configure another). */
    public static Optional<QueuedConsoleAppender> console() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            Appender<ILoggingEvent> appender =
                    context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender(LogFormat.APPENDER);
            if (appender instanceof QueuedConsoleAppender queuedConsole) {
                return Optional.of(queuedConsole);
            }
        }
        return Optional.empty();
    }

    /** Before the process exits: writes the console's queued lines (bounded by {@link #STOP_WAIT}). */
    public static void drainConsole() {
        QueuedConsoleAppender appender = running;
        if (appender != null) {
            appender.drain(STOP_WAIT);
        }
    }

    private void writeQueued() {
        OutputStream out = new BufferedOutputStream(target, WRITE_BUFFER);
        List<byte[]> batch = new ArrayList<>(BATCH);
        long reported = 0;
        while (true) {
            queue.drainTo(batch, BATCH);
            if (batch.isEmpty()) {
                if (closing) {
                    flush(out);
                    return;
                }
                try {
                    // Looks again a moment later rather than waiting on the queue: a waiting writer
                    // would be woken by every line, a system call on the logging thread each time.
                    Thread.sleep(PAUSE.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                continue;
            }
            try {
                for (byte[] line : batch) {
                    out.write(line);
                }
                if (queue.isEmpty()) {
                    out.flush();
                }
            } catch (IOException | RuntimeException e) {
                // Nowhere left to say it: stderr itself failed. The lines count as written so drain() ends.
            }
            synchronized (progress) {
                written.addAndGet(batch.size());
                progress.notifyAll();
            }
            batch.clear();
            long lost = dropped.get();
            if (lost > reported && queue.remainingCapacity() > 0) {
                // Through the appender again: one more line, itself dropped and counted if there is no room.
                warn(lost - reported);
                reported = lost;
            }
        }
    }

    private void warn(long lost) {
        if (getContext() instanceof LoggerContext context) {
            context.getLogger(QueuedConsoleAppender.class)
                    .warn(
                            "{} log lines dropped: stderr did not keep up and the queue of {} was full"
                                    + " ({} dropped since start)",
                            lost,
                            queueSize,
                            dropped.get());
        }
    }

    private static void flush(OutputStream out) {
        try {
            out.flush();
        } catch (IOException | RuntimeException e) {
            // As above: stderr failed.
        }
    }

    /** What the appender writes to: each write is one encoded line, queued or dropped and counted. */
    private final class Enqueuing extends OutputStream {
        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] line) {
            // The encoder's array is new for each event and not touched again: no copy.
            offer(line);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            offer(Arrays.copyOfRange(bytes, offset, offset + length));
        }

        private void offer(byte[] line) {
            if (queue.offer(line)) {
                queued.incrementAndGet();
            } else {
                dropped.incrementAndGet();
            }
        }

        @Override
        public void flush() {
            // The writer flushes when the queue is empty.
        }

        @Override
        public void close() {
            // stderr stays open; stop() lets the writer finish.
        }
    }
}
