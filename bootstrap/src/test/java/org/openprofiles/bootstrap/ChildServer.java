package org.openprofiles.bootstrap;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server as users run it: {@code main} in a JVM of its own (the test's class path), so that a
 * test can kill it with SIGKILL and see what a crash leaves behind. Its output is kept for the
 * failure messages.
 */
final class ChildServer implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("OpenProfiles listening on (\\S+)");

    private final Process process;
    private final List<String> output = new CopyOnWriteArrayList<>();
    private final CompletableFuture<URI> listening = new CompletableFuture<>();

    private ChildServer(Process process) {
        this.process = process;
        Thread reader = new Thread(this::readOutput, "child-server-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code serve} with {@code env} (only these PROFILES_ variables) and waits until it listens. */
    static ChildServer start(Map<String, String> env, String... args) {
        return start(List.of(), env, args);
    }

    /** As {@link #start(Map, String...)}, with {@code jvmOptions} on the java command line. */
    static ChildServer start(List<String> jvmOptions, Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(), "serve"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("PROFILES_"));
        builder.environment().putAll(env);
        try {
            ChildServer child = new ChildServer(builder.start());
            child.awaitListening();
            return child;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void readOutput() {
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                output.add(line);
                Matcher match = LISTENING.matcher(line);
                if (match.find()) {
                    listening.complete(URI.create(match.group(1)));
                }
            }
        } catch (IOException e) {
            // The process is gone.
        }
        listening.completeExceptionally(new IllegalStateException("the server exited before listening"));
    }

    private void awaitListening() {
        try {
            listening.get(120, TimeUnit.SECONDS);
        } catch (Exception e) {
            process.destroyForcibly();
            throw new AssertionError("the server did not start; its output:\n" + output(), e);
        }
    }

    URI uri() {
        return listening.join();
    }

    long pid() {
        return process.pid();
    }

    String output() {
        return String.join("\n", output);
    }

    /** Its output so far, line by line (stdout and stderr as they came). */
    List<String> lines() {
        return List.copyOf(output);
    }

    /** SIGKILL: no shutdown hook runs, the embedded PostgreSQL is left running. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM: the graceful stop users get with Ctrl-C or from a supervisor. */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }
}
