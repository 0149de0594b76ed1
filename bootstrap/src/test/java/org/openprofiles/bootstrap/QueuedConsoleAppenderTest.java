package org.openprofiles.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The console queue of the production log configuration: never blocks a logging thread, drops and counts, drains on stop. */
class QueuedConsoleAppenderTest {

    private final LoggerContext context = new LoggerContext();
    private final QueuedConsoleAppender appender = new QueuedConsoleAppender();
    private Logger logger;

    private void start(int queueSize, OutputStream target) {
        context.setMDCAdapter(new LogbackMDCAdapter());
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%-5level %msg%n");
        encoder.start();
        appender.setContext(context);
        appender.setName(LogFormat.APPENDER);
        appender.setEncoder(encoder);
        appender.setQueueSize(queueSize);
        appender.setTarget(target);
        appender.start();
        logger = context.getLogger(Logger.ROOT_LOGGER_NAME);
        logger.setLevel(Level.INFO);
        logger.addAppender(appender);
    }

    @AfterEach
    void stop() {
        appender.stop();
        context.stop();
    }

    @Test
    void aFullQueueDropsAndCountsLinesWithoutBlockingTheLoggerAndSaysSoOnceThereIsRoom() throws Exception {
        Gate stuck = new Gate();
        start(4, stuck);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        appender.bindTo(registry);
        logger.info("line 0");
        assertTrue(stuck.entered.await(5, TimeUnit.SECONDS), "the writer took the first line");
        // stderr is stuck on line 0: four lines fit in the queue, six are dropped; no call waits.
        assertTimeoutPreemptively(
                Duration.ofSeconds(5), () -> IntStream.rangeClosed(1, 10).forEach(i -> logger.info("line {}", i)));
        assertEquals(6, appender.droppedLines());
        assertEquals(
                6.0,
                registry.get(QueuedConsoleAppender.DROPPED_METRIC)
                        .functionCounter()
                        .count());

        stuck.open.countDown();
        assertTrue(appender.drain(Duration.ofSeconds(5)));
        String written = stuck.awaitText("log lines dropped");
        List<String> lines = written.lines().toList();
        assertEquals(
                List.of("INFO  line 0", "INFO  line 1", "INFO  line 2", "INFO  line 3", "INFO  line 4"),
                lines.subList(0, 5));
        assertTrue(
                lines.get(5)
                        .startsWith("WARN  6 log lines dropped: stderr did not keep up and the queue of 4 was full"),
                written);
        assertEquals(6, lines.size(), written);
    }

    @Test
    void stoppingWritesEveryQueuedLineFirst() {
        Slow slow = new Slow();
        start(10_000, slow);
        for (int i = 0; i < 500; i++) {
            logger.info("line {}", i);
        }
        appender.stop();
        List<String> lines = slow.text().lines().toList();
        assertEquals(500, lines.size(), "every line queued before the stop");
        assertEquals("INFO  line 499", lines.get(499));
        assertEquals(0, appender.droppedLines());
    }

    @Test
    void drainWaitsForTheLinesQueuedBeforeIt() {
        Slow slow = new Slow();
        start(10_000, slow);
        for (int i = 0; i < 200; i++) {
            logger.info("line {}", i);
        }
        assertTrue(appender.drain(Duration.ofSeconds(10)));
        assertEquals(200, slow.text().lines().count());
    }

    @Test
    void linesQueuedMeanwhileReachStderrInOneWriteNotOneEach() throws Exception {
        Gate stuck = new Gate();
        start(1_000, stuck);
        logger.info("line 0");
        assertTrue(stuck.entered.await(5, TimeUnit.SECONDS), "the writer took the first line");
        for (int i = 1; i <= 100; i++) {
            logger.info("line {}", i);
        }

        stuck.open.countDown();
        assertTrue(appender.drain(Duration.ofSeconds(5)));
        assertEquals(101, stuck.awaitText("line 100").lines().count());
        assertEquals(2, stuck.writes.get(), "line 0 alone, then the 100 queued behind it together");
    }

    /** stderr that takes a line, then blocks until opened. */
    private static final class Gate extends OutputStream {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch open = new CountDownLatch(1);
        final AtomicInteger writes = new AtomicInteger();
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            writes.incrementAndGet();
            entered.countDown();
            try {
                open.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            synchronized (bytes) {
                bytes.write(b, off, len);
            }
        }

        String awaitText(String expected) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (true) {
                String text;
                synchronized (bytes) {
                    text = bytes.toString(StandardCharsets.UTF_8);
                }
                if (text.contains(expected) || System.nanoTime() > deadline) {
                    return text;
                }
                Thread.sleep(10);
            }
        }
    }

    /** stderr that takes a millisecond per line. */
    private static final class Slow extends OutputStream {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            bytes.write(b, off, len);
        }

        synchronized String text() {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }
}
