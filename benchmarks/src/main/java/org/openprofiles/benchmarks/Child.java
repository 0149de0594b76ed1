package org.openprofiles.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A child process (the server, the ceiling): its output goes to a log file, and {@link #start}
 * returns once a line matches the given pattern, with the pattern's first group (the URI it
 * listens on).
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
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().putAll(environment);
            Process process = builder.start();
            CompletableFuture<String> match = new CompletableFuture<>();
            Thread pump = new Thread(
                    () -> {
                        try (BufferedReader in = new BufferedReader(
                                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                                PrintWriter out =
                                        new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8))) {
                            String line;
                            while ((line = in.readLine()) != null) {
                                out.println(line);
                                out.flush();
                                Matcher m = ready.matcher(line);
                                if (!match.isDone() && m.find()) {
                                    match.complete(m.groupCount() > 0 ? m.group(1) : line);
                                }
                            }
                        } catch (IOException e) {
                            match.completeExceptionally(e);
                        }
                        match.completeExceptionally(new IllegalStateException("the process ended; see " + log));
                    },
                    "child-output");
            pump.setDaemon(true);
            pump.start();
            try {
                return new Child(process, match.get(timeout.toMillis(), TimeUnit.MILLISECONDS), log);
            } catch (Exception e) {
                process.destroyForcibly();
                throw new IllegalStateException(
                        "did not start within " + timeout + " (" + e.getMessage() + "); log: " + log, e);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
