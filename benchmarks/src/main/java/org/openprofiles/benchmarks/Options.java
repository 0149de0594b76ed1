package org.openprofiles.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The runner's settings: {@code --name value} pairs with defaults that make the official run
 * (the data set, 45 s warm-up, 30 s per measurement, wrk with 2 threads and 32
 * connections). Smaller values make a quick check of the instrument itself.
 */
final class Options {

    private final Map<String, String> values = new LinkedHashMap<>();

    private Options() {
        values.put("server-jar", "bootstrap/target/openprofiles-server.jar");
        values.put("results", "benchmarks/results");
        values.put("work", "benchmarks/target/run");
        values.put("db-url", "");
        values.put("profiles", "1000000");
        values.put("small-profiles", "1000");
        values.put("users", "100000");
        values.put("templates", "50");
        values.put("groups", "5000");
        values.put("access-profiles", "1000");
        values.put("accounts", "100000");
        values.put("token-users", "200");
        values.put("import-batch", "10000");
        values.put("import-parallel", "2");
        values.put("warmup", "45");
        values.put("route-warmup", "10");
        values.put("measure", "30");
        values.put("threads", "2");
        values.put("connections", "32");
        values.put("soak-minutes", "10");
        values.put("soak", "true");
        values.put("routes", "true");
        values.put("restart", "true");
        values.put("restart-times", "3");
        values.put("cold-restarts", "true");
        values.put("server-opts", "");
        values.put("observability", "");
        values.put("observability-rounds", "1");
        values.put("observability-processes", "2");
        values.put("observability-warmup", "90");
        values.put("label", "");
        // restarts: the data directory to start on, how many starts, a second jar to take turns with
        values.put("data-dir", "");
        values.put("times", "5");
        values.put("other-jar", "");
        values.put("other-opts", "");
    }

    static Options parse(String[] args) {
        Options options = new Options();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + arg);
            }
            String name = arg.substring(2);
            String value;
            if (name.contains("=")) {
                value = name.substring(name.indexOf('=') + 1);
                name = name.substring(0, name.indexOf('='));
            } else if (name.startsWith("no-")) {
                name = name.substring(3);
                value = "false";
            } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                value = args[++i];
            } else {
                value = "true";
            }
            if (!options.values.containsKey(name)) {
                throw new IllegalArgumentException("unknown option --" + name + "; known: " + options.values.keySet());
            }
            options.values.put(name, value);
        }
        return options;
    }

    String text(String name) {
        return values.get(name);
    }

    int number(String name) {
        return Integer.parseInt(values.get(name).replace("_", ""));
    }

    boolean flag(String name) {
        return Boolean.parseBoolean(values.get(name));
    }

    Duration seconds(String name) {
        return Duration.ofSeconds(number(name));
    }

    Path path(String name) {
        return Path.of(values.get(name));
    }

    Optional<String> optional(String name) {
        String value = values.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    /** Every setting as given, for the results file. */
    Map<String, String> all() {
        return Map.copyOf(values);
    }
}
