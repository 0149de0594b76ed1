package org.openprofiles.benchmarks;

import java.util.Arrays;

/**
 * The benchmark program (run by {@code benchmarks/run.sh}): {@code run [options]} measures the
 * server against the ceiling and writes the results; {@code ceiling <db-url> <pool> <bytes-file>}
 * is the ceiling's own process; {@code restarts --data-dir DIR} times starts on a database that
 * holds data ({@link Restarts}); {@code jmh [JMH options]} runs the micro-benchmarks.
 */
public final class Benchmarks {

    private Benchmarks() {}

    public static void main(String[] args) throws Exception {
        String command = args.length == 0 ? "run" : args[0];
        String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
        switch (command) {
            case "run" -> new Run(Options.parse(rest)).run();
            case "restarts" -> new Restarts(Options.parse(rest)).run();
            case "ceiling" -> Ceiling.main(rest);
            case "jmh" -> org.openjdk.jmh.Main.main(rest);
            default -> {
                System.err.println(
                        "usage: run [--option value …] | restarts --data-dir DIR [--times N] [--other-jar JAR] [--server-opts OPTS] [--other-opts OPTS] | ceiling <db-url> <pool> <bytes-file> | jmh [JMH options]");
                System.exit(2);
            }
        }
    }
}
