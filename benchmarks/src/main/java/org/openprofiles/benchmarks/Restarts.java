package org.openprofiles.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code restarts --data-dir DIR [--times N] [--server-jar JAR] [--other-jar JAR] [--server-opts
 * "…"] [--other-opts "…"]}: starts the server jar again and again on a data directory that already holds a database
 * (e.g. the one a {@code run} left in {@code <work>/data}) and prints, per start, the seconds
 * from launching {@code java} to the "listening on" line and to the first {@code /ready} 200,
 * then the medians. With {@code --other-jar} the two jars take turns, so that their ratio comes
 * from one stretch of the shared machine's load; {@code --other-opts} gives the other jar (by
 * default the same jar) JVM options of its own, to compare two ways of starting one jar.
 */
final class Restarts {

    static final Pattern SERVER_READY = Pattern.compile("listening on (http\\S+)");

    /**
     * A started server with how long it took: launch → "listening on", launch → /ready 200, and the
     * CPU seconds its JVM had used by then (user + system; NaN where /proc is not there). On a
     * shared machine the CPU time moves much less than the wall-clock times.
     */
    record Timed(Child server, double listening, double ready, double cpu) {}

    private final Options options;

    Restarts(Options options) {
        this.options = options;
    }

    /** Launches {@code command}, waits for its "listening on" line, then polls {@code /ready} every 5 ms. */
    static Timed startAndTime(List<String> command, Map<String, String> env, Path log) {
        long t0 = System.nanoTime();
        Child server = Child.start(command, env, log, SERVER_READY, Duration.ofMinutes(3));
        double listening = Run.seconds(t0);
        try {
            Api probe = new Api(URI.create(server.found()), null);
            while (probe.exchange("GET", "ready", null).status() != 200) {
                Run.sleep(5);
            }
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        return new Timed(server, listening, Run.seconds(t0), cpuSeconds(server.pid()));
    }

    /** utime + stime of {@code pid} from /proc/PID/stat (fields 14 and 15, in clock ticks of 1/100 s). */
    static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** The java command that runs {@code jar}'s {@code serve} with the {@code --server-opts}. */
    static List<String> serverCommand(Options options, Path jar) {
        return serverCommand(options, "server-opts", jar);
    }

    /** The java command that runs {@code jar}'s {@code serve} with the JVM options under {@code opts}. */
    static List<String> serverCommand(Options options, String opts, Path jar) {
        List<String> command = new ArrayList<>();
        command.add(Jvm.java());
        options.optional(opts)
                .filter(given -> !given.isBlank())
                .ifPresent(given -> command.addAll(List.of(given.trim().split("\\s+"))));
        // As the README starts it: with the class-data sharing archive the build writes beside the jar.
        Path archive = archiveOf(jar);
        if (Files.isRegularFile(archive)) {
            command.add("-XX:SharedArchiveFile=" + archive);
        }
        command.addAll(List.of("-jar", jar.toAbsolutePath().toString(), "serve"));
        return command;
    }

    /** The class-data sharing archive the build writes beside a server jar ({@code cds-archive}). */
    static Path archiveOf(Path jar) {
        String name = jar.toAbsolutePath().getFileName().toString().replaceFirst("\\.jar$", "");
        return jar.toAbsolutePath().resolveSibling(name + ".jsa");
    }

    void run() throws IOException {
        Path dataDir = options.optional("data-dir")
                .map(Path::of)
                .orElseThrow(() -> new IllegalArgumentException("--data-dir is required"))
                .toAbsolutePath();
        if (!Files.isDirectory(dataDir.resolve("postgres"))) {
            throw new IllegalArgumentException(dataDir + " holds no database (no postgres/ in it)");
        }
        Map<String, Path> jars = new LinkedHashMap<>();
        jars.put("server-jar", options.path("server-jar"));
        options.optional("other-jar")
                .or(() -> options.optional("other-opts")
                        .map(opts -> options.path("server-jar").toString()))
                .ifPresent(other -> jars.put("other-jar", Path.of(other)));
        Path logs = options.path("work").toAbsolutePath().resolve("restarts");
        Files.createDirectories(logs);
        Map<String, String> env = new HashMap<>();
        env.put("PROFILES_DATA_DIR", dataDir.toString());
        env.put("PROFILES_HTTP_PORT", "0");
        options.optional("db-url").ifPresent(url -> env.put("PROFILES_DB_URL", url));
        System.out.println("load average at start: " + Run.loadAverage());
        Map<String, List<double[]>> figures = new LinkedHashMap<>();
        int times = options.number("times");
        for (int i = 0; i < times; i++) {
            for (Map.Entry<String, Path> jar : jars.entrySet()) {
                Path log = logs.resolve(jar.getKey() + "-" + i + ".log");
                String opts = jar.getKey().equals("other-jar") ? "other-opts" : "server-opts";
                Timed timed = startAndTime(serverCommand(options, opts, jar.getValue()), env, log);
                timed.server().close();
                figures.computeIfAbsent(jar.getKey(), k -> new ArrayList<>())
                        .add(new double[] {timed.listening(), timed.ready(), timed.cpu()});
                System.out.printf(
                        Locale.ROOT,
                        "%s #%d: listening after %.2f s, /ready 200 after %.2f s, JVM CPU %.2f s (load %s; log %s)%n",
                        jar.getKey(),
                        i + 1,
                        timed.listening(),
                        timed.ready(),
                        timed.cpu(),
                        Run.loadAverage(),
                        log);
            }
        }
        for (Map.Entry<String, List<double[]>> jar : figures.entrySet()) {
            System.out.printf(
                    Locale.ROOT,
                    "%s (%s): median of %d: listening after %.2f s, /ready 200 after %.2f s, JVM CPU %.2f s%n",
                    jar.getKey(),
                    jars.get(jar.getKey()),
                    jar.getValue().size(),
                    median(jar.getValue(), 0),
                    median(jar.getValue(), 1),
                    median(jar.getValue(), 2));
        }
        System.out.println("load average at end: " + Run.loadAverage());
    }

    private static double median(List<double[]> rows, int column) {
        return Run.median(rows.stream().map(row -> row[column]).toList());
    }
}
