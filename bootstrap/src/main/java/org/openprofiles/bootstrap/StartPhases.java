package org.openprofiles.bootstrap;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Times the steps of a server start and logs one line per step ({@code start: <step> took 412 ms}),
 * then how long the whole start took since the JVM was launched, so that an operator sees where
 * a slow start went. Steps may run on several threads at once.
 */
final class StartPhases {

    private static final Logger LOG = LoggerFactory.getLogger(StartPhases.class);

    private final long started = System.nanoTime();

    /** Runs {@code step}, then logs how long it took; a step that fails logs nothing. */
    <T> T time(String step, Supplier<T> work) {
        long t0 = System.nanoTime();
        T result = work.get();
        LOG.info("start: {} took {} ms", step, millis(System.nanoTime() - t0));
        return result;
    }

    /** As {@link #time(String, Supplier)} for a step without a result. */
    void time(String step, Runnable work) {
        time(step, () -> {
            work.run();
            return null;
        });
    }

    /**
     * Starts {@code work} on a daemon thread of its own, timed like {@link #time}; its failure
     * completes the future exceptionally.
     */
    <T> CompletableFuture<T> inBackground(String step, Supplier<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread thread = new Thread(
                () -> {
                    try {
                        result.complete(time(step, work));
                    } catch (RuntimeException | Error e) {
                        result.completeExceptionally(e);
                    }
                },
                "start-" + step.replace(' ', '-'));
        thread.setDaemon(true);
        thread.start();
        return result;
    }

    /** Logs the whole start: since the JVM was launched when the OS says when, and since {@code Server.start}. */
    void done() {
        long sinceStart = millis(System.nanoTime() - started);
        Optional<Long> sinceLaunch = ProcessHandle.current()
                .info()
                .startInstant()
                .map(launched -> Duration.between(launched, Instant.now()).toMillis());
        if (sinceLaunch.isPresent()) {
            LOG.info(
                    "start: serving {} ms after the JVM was launched ({} ms in Server.start)",
                    sinceLaunch.get(),
                    sinceStart);
        } else {
            LOG.info("start: serving after {} ms in Server.start", sinceStart);
        }
    }

    private static long millis(long nanos) {
        return Math.round(nanos / 1e6);
    }
}
