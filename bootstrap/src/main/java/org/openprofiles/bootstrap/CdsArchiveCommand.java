package org.openprofiles.bootstrap;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cds-archive}: writes the class-data sharing archive of this jar ({@code
 * openprofiles-server.jsa} beside it), with which a start takes about 40 % less time: the JVM maps
 * the classes a start loads, and the lambda classes it generates, from the archive instead of
 * reading, verifying and generating them, and its compilers have less to do. Java 17 uses such an
 * archive only when told on its command line ({@code java -XX:SharedArchiveFile=FILE -jar …}); one
 * that does not fit (another jar, another Java) is ignored with one warning line and the server
 * starts as it would without.
 *
 * <p>The archive is what a training start loads: the jar serves on a new data directory in a
 * temporary directory (its own embedded PostgreSQL, port chosen by the system, none of the
 * caller's {@code PROFILES_} settings), answers {@code /ready}, does what it does in the second
 * after it serves, and is stopped; the JVM writes the archive as it exits
 * ({@code -XX:ArchiveClassesAtExit}). The build runs this after it packs the jar.
 */
@Command(
        name = "cds-archive",
        mixinStandardHelpOptions = true,
        description = {
            "Writes the class-data sharing archive of this jar, for faster starts:",
            "  java -XX:SharedArchiveFile=openprofiles-server.jsa -jar openprofiles-server.jar",
            "It starts the jar once on a temporary data directory and stops it (about 10 s)."
        })
final class CdsArchiveCommand implements Callable<Integer> {

    private static final Pattern LISTENING = Pattern.compile("OpenProfiles listening on (http\\S+)");

    /** The steps a server runs in the second after it serves; their classes belong in the archive too. */
    private static final List<String> AFTER_SERVING =
            List.of("start: certificate authority took", "start: statement machinery took");

    private static final Pattern AFTER_SERVING_STEP =
            Pattern.compile(AFTER_SERVING.stream().map(Pattern::quote).collect(Collectors.joining("|")));

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    @Option(
            names = "--output",
            paramLabel = "FILE",
            description = "Where to write it (default: beside the jar, .jsa for .jar).")
    Path output;

    @Option(
            names = "--best-effort",
            description =
                    "When the archive cannot be written, warn and exit 0 (the build does: the server starts without one).")
    boolean bestEffort;

    private final Cli.Io io;

    CdsArchiveCommand(Cli.Io io) {
        this.io = io;
    }

    @Override
    public Integer call() throws Exception {
        Optional<Path> jar = ownJar();
        if (jar.isEmpty()) {
            io.err()
                    .println(
                            "openprofiles: cds-archive runs from the server jar: java -jar openprofiles-server.jar cds-archive");
            return Cli.USAGE;
        }
        Path archive = (output != null ? output : beside(jar.get())).toAbsolutePath();
        try {
            long bytes = write(jar.get(), archive);
            io.out()
                    .printf(
                            "openprofiles: wrote %s (%d MB); start with: java -XX:SharedArchiveFile=%s -jar %s%n",
                            archive, bytes >> 20, archive, jar.get());
            return Cli.OK;
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(archive);
            io.err().println("openprofiles: no class-data sharing archive written: " + e.getMessage());
            return bestEffort ? Cli.OK : Cli.FAILED;
        }
    }

    /** {@code openprofiles-server.jsa} for {@code openprofiles-server.jar}. */
    static Path beside(Path jar) {
        String name = jar.getFileName().toString();
        return jar.resolveSibling((name.endsWith(".jar") ? name.substring(0, name.length() - 4) : name) + ".jsa");
    }

    /** The jar this class was loaded from; empty when it came from a directory (a build's classes). */
    private static Optional<Path> ownJar() throws URISyntaxException {
        Path location = Path.of(CdsArchiveCommand.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        return Files.isRegularFile(location) ? Optional.of(location.toAbsolutePath()) : Optional.empty();
    }

    /** Runs the training start of {@code jar} and returns the size of the archive it left at {@code archive}. */
    private long write(Path jar, Path archive) throws IOException, InterruptedException {
        Files.deleteIfExists(archive);
        Path data = Files.createTempDirectory("openprofiles-cds-");
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-XX:ArchiveClassesAtExit=" + archive,
                        "-jar",
                        jar.toString(),
                        "serve")
                .redirectErrorStream(true);
        builder.environment()
                .keySet()
                .removeIf(name -> name.startsWith("PROFILES_") || name.equals("JAVA_TOOL_OPTIONS"));
        builder.environment().put("PROFILES_DATA_DIR", data.toString());
        builder.environment().put("PROFILES_HTTP_HOST", "127.0.0.1");
        builder.environment().put("PROFILES_HTTP_PORT", "0");
        Process server = builder.start();
        BlockingQueue<Optional<String>> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> readLines(server, lines), "cds-training-output");
        reader.setDaemon(true);
        reader.start();
        Deque<String> tail = new ArrayDeque<>();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        try {
            URI base = URI.create(awaitLine(lines, tail, LISTENING, deadline));
            awaitReady(base, deadline);
            // In whichever order they come.
            Set<String> pending = new HashSet<>(AFTER_SERVING);
            while (!pending.isEmpty()) {
                String line = awaitLine(lines, tail, AFTER_SERVING_STEP, deadline);
                pending.removeIf(line::contains);
            }
            server.destroy();
            if (!server.waitFor(60, TimeUnit.SECONDS)) {
                throw new IOException("the training start did not stop within 60 s");
            }
            reader.join(TimeUnit.SECONDS.toMillis(10));
        } catch (IOException | RuntimeException e) {
            throw new IOException(
                    e.getMessage() + "; the training start's last lines:\n  " + String.join("\n  ", tail), e);
        } finally {
            // On a failure too, a graceful stop first: it stops the training start's PostgreSQL.
            if (server.isAlive()) {
                server.destroy();
                if (!server.waitFor(30, TimeUnit.SECONDS)) {
                    server.destroyForcibly();
                }
            }
            deleteTree(data);
        }
        if (!Files.isRegularFile(archive) || Files.size(archive) == 0) {
            throw new IOException("the JVM wrote no archive at " + archive);
        }
        return Files.size(archive);
    }

    /** Hands the training start's output over line by line; an empty one at its end. */
    private static void readLines(Process server, BlockingQueue<Optional<String>> lines) {
        try (BufferedReader output =
                new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = output.readLine(); line != null; line = output.readLine()) {
                lines.add(Optional.of(line));
            }
        } catch (IOException e) {
            // The process is gone.
        } finally {
            lines.add(Optional.empty());
        }
    }

    /** Waits for a line of the training start matching {@code pattern}; its first group, else the line. */
    private static String awaitLine(
            BlockingQueue<Optional<String>> lines, Deque<String> tail, Pattern pattern, Instant deadline)
            throws IOException, InterruptedException {
        while (true) {
            Optional<String> next = lines.poll(
                    Math.max(1, Duration.between(Instant.now(), deadline).toMillis()), TimeUnit.MILLISECONDS);
            if (next == null || next.isEmpty()) {
                throw new IOException("the training start " + (next == null ? "hung" : "ended")
                        + " before a line matching '" + pattern + "'");
            }
            String line = next.get();
            // The training start's admin token is of a database about to be deleted; still, not in a log.
            tail.addLast(line.contains("First start:") ? "(the first-start line with the admin token)" : line);
            if (tail.size() > 20) {
                tail.removeFirst();
            }
            Matcher match = pattern.matcher(line);
            if (match.find()) {
                return match.groupCount() > 0 ? match.group(1) : line;
            }
        }
    }

    /** Asks {@code /ready} until it answers 200: the requests a readiness probe makes load their classes too. */
    private static void awaitReady(URI base, Instant deadline) throws IOException, InterruptedException {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest ready = HttpRequest.newBuilder(base.resolve("/ready"))
                .timeout(Duration.ofSeconds(10))
                .build();
        while (client.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() != 200) {
            if (Instant.now().isAfter(deadline)) {
                throw new IOException(
                        "the training start was not ready within " + START_TIMEOUT.toMinutes() + " minutes");
            }
            Thread.sleep(100);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
