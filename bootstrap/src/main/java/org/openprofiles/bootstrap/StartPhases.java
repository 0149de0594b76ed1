package org.openprofiles.bootstrap;

import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
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

    /** Per-thread CPU time, where the JVM measures it (-1 where not: the lines then leave it out). */
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final long started = System.nanoTime();

    /**
     * Runs {@code step}, then logs how long it took and the CPU its thread used meanwhile (the
     * difference is waiting: for the database, or for a core on a busy machine); a step that
     * fails logs nothing.
     */
    <T> T time(String step, Supplier<T> work) {
        long t0 = System.nanoTime();
        long cpu0 = THREADS.getCurrentThreadCpuTime();
        T result = work.get();
        long cpu = THREADS.getCurrentThreadCpuTime() - cpu0;
        LOG.info(
                "start: {} took {} ms{}",
                step,
                millis(System.nanoTime() - t0),
                cpu0 < 0 ? "" : " (CPU " + millis(cpu) + " ms)");
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
        return inThread(step, () -> time(step, work));
    }

    private static <T> CompletableFuture<T> inThread(String name, Supplier<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread thread = new Thread(
                () -> {
                    try {
                        result.complete(work.get());
                    } catch (RuntimeException | Error e) {
                        result.completeExceptionally(e);
                    }
                },
                "start-" + name.replace(' ', '-'));
        thread.setDaemon(true);
        thread.start();
        return result;
    }

    /**
     * Runs {@code work} on a daemon thread named {@code start-<name>}, without a line of its own
     * (its steps log theirs); its failure completes the future exceptionally.
     */
    CompletableFuture<Void> onThread(String name, Runnable work) {
        return inThread(name, () -> {
            work.run();
            return null;
        });
    }

    /**
     * Logs the whole start: since the JVM was launched when the OS says when, and since {@code
     * Server.start}; and the CPU the JVM had used by then, and how much of it went to compiling
     * (its JIT compilers' threads), where the JVM says.
     */
    void done() {
        long sinceStart = millis(System.nanoTime() - started);
        Optional<Long> sinceLaunch = millisSinceLaunch();
        String cpu = processCpuMillis()
                .map(millis -> "; CPU " + millis + " ms"
                        + compilingMillis()
                                .map(c -> ", " + c + " ms of it compiling")
                                .orElse(""))
                .orElse("");
        if (sinceLaunch.isPresent()) {
            LOG.info(
                    "start: serving {} ms after the JVM was launched ({} ms in Server.start{})",
                    sinceLaunch.get(),
                    sinceStart,
                    cpu);
        } else {
            LOG.info("start: serving after {} ms in Server.start{}", sinceStart, cpu);
        }
    }

    /** The CPU this process has used (user and system), on Linux from /proc, to 10 ms. */
    static Optional<Long> processCpuMillis() {
        try {
            String[] fields = procSelfStat();
            // Fields 14 and 15, utime and stime, in clock ticks.
            long ticks = Long.parseLong(fields[14 - 3]) + Long.parseLong(fields[15 - 3]);
            return Optional.of(ticks * 1000 / TICKS_PER_SECOND);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The time the JIT compilers spent compiling, which on a start is about the CPU of their threads. */
    private static Optional<Long> compilingMillis() {
        CompilationMXBean compilation = ManagementFactory.getCompilationMXBean();
        return compilation != null && compilation.isCompilationTimeMonitoringSupported()
                ? Optional.of(compilation.getTotalCompilationTime())
                : Optional.empty();
    }

    /** The fields of /proc/self/stat after the command in parentheses; the first of them is field 3. */
    private static String[] procSelfStat() throws IOException {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    }

    /**
     * How long ago this process was launched. On Linux from /proc, to 10 ms: the process's start in
     * clock ticks since boot against the time since boot. (What Java reports as the start instant
     * adds the boot time, which Linux gives in whole seconds: that figure was up to a second too
     * long.) Elsewhere as Java reports it; empty when the OS does not say.
     */
    static Optional<Long> millisSinceLaunch() {
        try {
            // Field 22, starttime.
            String[] fields = procSelfStat();
            long startedTicks = Long.parseLong(fields[22 - 3]);
            String uptime = Files.readString(Path.of("/proc/uptime"));
            double secondsSinceBoot = Double.parseDouble(uptime.substring(0, uptime.indexOf(' ')));
            return Optional.of(Math.round(secondsSinceBoot * 1000) - startedTicks * 1000 / TICKS_PER_SECOND);
        } catch (IOException | RuntimeException e) {
            return ProcessHandle.current()
                    .info()
                    .startInstant()
                    .map(launched -> Duration.between(launched, Instant.now()).toMillis());
        }
    }

    /** Linux's USER_HZ, the unit of /proc's times: 100 on every architecture Java runs on. */
    private static final long TICKS_PER_SECOND = 100;

    private static long millis(long nanos) {
        return Math.round(nanos / 1e6);
    }
}
