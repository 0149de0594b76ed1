package org.openprofiles.benchmarks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A child process (the server, the ceiling): its output goes straight to a log file, and
 * {@link #start} returns once a line of it matches the given pattern, with the pattern's first
 * group (the URI it listens on).
 */
final class Child implements AutoCloseable {

    private final Process process;
    private final String found;
    private final Path log;

    private Child(Process process, String found, Path log) {
        this.process = process;
        this.found = found;
        this.log = log;
    }

    static Child start(
            List<String> command, Map<String, String> environment, Path log, Pattern ready, Duration timeout) {
        try {
            Files.createDirectories(log.getParent());
            // Straight into the file, as a shell's redirection would: a pump in this process reading,
            // flushing and matching every line would spend the cores the server is measured on
            // (one access-log line per request), and charge that to the server's logging.
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
            builder.environment().putAll(environment);
            Process process = builder.start();
            try {
                return new Child(process, awaitLine(process, log, ready, timeout), log);
            } catch (RuntimeException e) {
                process.destroyForcibly();
                throw new IllegalStateException(
                        "did not start within " + timeout + " (" + e.getMessage() + "); log: " + log, e);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the log as it grows until a whole line matches {@code ready}; its first group (or the line). */
    private static String awaitLine(Process process, Path log, Pattern ready, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (InputStream in = Files.newInputStream(log)) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            while (true) {
                int n = in.read(buffer);
                if (n > 0) {
                    for (int i = 0; i < n; i++) {
                        if (buffer[i] != '\n') {
                            line.write(buffer[i]);
                            continue;
                        }
                        Matcher m = ready.matcher(line.toString(StandardCharsets.UTF_8));
                        if (m.find()) {
                            return m.groupCount() > 0 ? m.group(1) : m.group();
                        }
                        line.reset();
                    }
                    continue;
                }
                if (!process.isAlive()) {
                    throw new IllegalStateException("the process ended");
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("no line matching " + ready);
                }
                Run.sleep(20);
            }
        }
    }

    /** What the start-up line's first group held (the URI). */
    String found() {
        return found;
    }

    long pid() {
        return process.pid();
    }

    Path log() {
        return log;
    }

    boolean alive() {
        return process.isAlive();
    }

    /** SIGTERM, then waits for the exit (the server stops gracefully). */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
