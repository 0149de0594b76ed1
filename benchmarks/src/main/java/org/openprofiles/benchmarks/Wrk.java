package org.openprofiles.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The load generator: Debian's {@code wrk} in its own process, driven by a generated Lua script
 * that cycles through a fixed list of requests (each connection starting at a different one) and
 * prints its figures as one JSON line when it is done: requests, duration, the latency at the
 * quantile levels of {@link Latency#LEVELS} (fastest to slowest), socket errors, and the answers by
 * status class.
 */
final class Wrk {

    /** One request of a load: method, path (with query), bearer token or null, JSON body or null. */
    record Call(String method, String path, String token, String body) {
        static Call get(String path, String token) {
            return new Call("GET", path, token, null);
        }
    }

    /**
     * A latency distribution as wrk reports it: the latency at each of {@link #LEVELS} (the
     * fastest answer at level 0, the slowest at 1). wrk keeps every latency in its histogram but
     * hands a script only percentiles, so the runner asks it for enough of them to describe the
     * tail and to put two windows together ({@link #union}).
     */
    record Latency(double[] millis) {

        /** The quantile levels wrk is asked for, dense in the tail where the targets are judged. */
        static final double[] LEVELS = {
            0, 0.01, 0.10, 0.25, 0.50, 0.75, 0.90, 0.95, 0.97, 0.98, 0.985, 0.99, 0.9925, 0.995, 0.9975, 0.999, 0.9995,
            0.9999, 1
        };

        Latency {
            if (millis.length != LEVELS.length) {
                throw new IllegalArgumentException("need " + LEVELS.length + " quantiles, got " + millis.length);
            }
            millis = millis.clone();
            for (int i = 1; i < millis.length; i++) {
                // wrk's percentiles come from a histogram; keep the table monotone whatever it rounds to.
                millis[i] = Math.max(millis[i], millis[i - 1]);
            }
        }

        /** The latency at {@code level} (0–1), read off the table between its levels. */
        double at(double level) {
            for (int i = 1; i < LEVELS.length; i++) {
                if (level <= LEVELS[i]) {
                    double share = (level - LEVELS[i - 1]) / (LEVELS[i] - LEVELS[i - 1]);
                    return millis[i - 1] + share * (millis[i] - millis[i - 1]);
                }
            }
            return millis[millis.length - 1];
        }

        /** The share of requests answered within {@code latency} ms, read off the table between its levels. */
        double share(double latency) {
            if (latency < millis[0]) {
                return 0;
            }
            if (latency >= millis[millis.length - 1]) {
                return 1;
            }
            int i = 0;
            while (millis[i + 1] <= latency) {
                i++;
            }
            return LEVELS[i] + (LEVELS[i + 1] - LEVELS[i]) * (latency - millis[i]) / (millis[i + 1] - millis[i]);
        }

        /**
         * The distribution of all requests of two windows, {@code a} with {@code aRequests} of them
         * and {@code b} with {@code bRequests}: each level's latency is where the requests of both
         * windows within it reach that share (not the mean of the windows' percentiles, which a
         * single window's stall would drag up for the whole).
         */
        static Latency union(Latency a, long aRequests, Latency b, long bRequests) {
            long all = aRequests + bRequests;
            double wa = all == 0 ? 0.5 : (double) aRequests / all;
            double[] millis = new double[LEVELS.length];
            millis[0] = Math.min(a.millis[0], b.millis[0]);
            millis[LEVELS.length - 1] = Math.max(a.millis[LEVELS.length - 1], b.millis[LEVELS.length - 1]);
            for (int i = 1; i < LEVELS.length - 1; i++) {
                double low = millis[0];
                double high = millis[LEVELS.length - 1];
                for (int step = 0; step < 60; step++) {
                    double middle = (low + high) / 2;
                    if (wa * a.share(middle) + (1 - wa) * b.share(middle) >= LEVELS[i]) {
                        high = middle;
                    } else {
                        low = middle;
                    }
                }
                millis[i] = high;
            }
            return new Latency(millis);
        }
    }

    /** What one wrk run measured. */
    record Figures(
            long requests,
            double seconds,
            double requestsPerSecond,
            Latency latency,
            long socketErrors,
            long timeouts,
            long non2xx,
            long status4xx,
            long status5xx,
            long bytes) {

        long errors() {
            return socketErrors + timeouts + non2xx;
        }

        double p50Millis() {
            return latency.at(0.5);
        }

        double p99Millis() {
            return latency.at(0.99);
        }

        double p999Millis() {
            return latency.at(0.999);
        }

        double maxMillis() {
            return latency.at(1);
        }

        /**
         * Two windows of the same load as one: counts added, req/s over the time of both, the
         * latency distribution of all their requests ({@link Latency#union}).
         */
        static Figures together(Figures a, Figures b) {
            long requests = a.requests + b.requests;
            double seconds = a.seconds + b.seconds;
            return new Figures(
                    requests,
                    seconds,
                    seconds == 0 ? 0 : requests / seconds,
                    Latency.union(a.latency, a.requests, b.latency, b.requests),
                    a.socketErrors + b.socketErrors,
                    a.timeouts + b.timeouts,
                    a.non2xx + b.non2xx,
                    a.status4xx + b.status4xx,
                    a.status5xx + b.status5xx,
                    a.bytes + b.bytes);
        }
    }

    private final Path work;
    private final int threads;
    private final int connections;

    Wrk(Path work, int threads, int connections) {
        this.work = work;
        this.threads = threads;
        this.connections = connections;
    }

    int connections() {
        return connections;
    }

    /** Runs {@code calls} against {@code base} for {@code duration}; {@code countStatus} also counts 4xx/5xx apart. */
    Figures run(String name, URI base, List<Call> calls, Duration duration, boolean countStatus) {
        try {
            Files.createDirectories(work);
            Path script = work.resolve(name.replaceAll("[^A-Za-z0-9_.-]", "_") + ".lua");
            Files.writeString(script, lua(calls, countStatus), StandardCharsets.UTF_8);
            List<String> command = new ArrayList<>(List.of(
                    "wrk",
                    "-t",
                    Integer.toString(threads),
                    "-c",
                    Integer.toString(connections),
                    "-d",
                    duration.toSeconds() + "s",
                    "--timeout",
                    "10s",
                    "-s",
                    script.toString(),
                    base.toString()));
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            Optional<String> result = Optional.empty();
            StringBuilder output = new StringBuilder();
            try (BufferedReader in =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    output.append(line).append('\n');
                    if (line.startsWith("{\"wrk\":")) {
                        result = Optional.of(line);
                    }
                }
            }
            int exit = process.waitFor();
            if (exit != 0 || result.isEmpty()) {
                throw new IllegalStateException("wrk failed (exit " + exit + "):\n" + output);
            }
            return figures(Api.JSON.readTree(result.get()).get("wrk"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Figures figures(JsonNode w) {
        double seconds = w.get("duration_us").asDouble() / 1e6;
        long requests = w.get("requests").asLong();
        JsonNode errors = w.get("errors");
        return new Figures(
                requests,
                seconds,
                requests / seconds,
                latency(w.get("q")),
                errors.get("connect").asLong()
                        + errors.get("read").asLong()
                        + errors.get("write").asLong(),
                errors.get("timeout").asLong(),
                errors.get("status").asLong(),
                w.get("s4xx").asLong(),
                w.get("s5xx").asLong(),
                w.get("bytes").asLong());
    }

    /** wrk's quantiles, in µs at {@link Latency#LEVELS}, as a distribution in ms. */
    private static Latency latency(JsonNode quantiles) {
        double[] millis = new double[Latency.LEVELS.length];
        for (int i = 0; i < millis.length; i++) {
            millis[i] = quantiles.get(i).asDouble() / 1000;
        }
        return new Latency(millis);
    }

    /** The Lua script: requests formatted once per thread, cycled per connection. */
    static String lua(List<Call> calls, boolean countStatus) {
        StringBuilder lua = new StringBuilder();
        lua.append("local calls = {\n");
        for (Call call : calls) {
            lua.append("  {")
                    .append(quote(call.method()))
                    .append(", ")
                    .append(quote(call.path().startsWith("/") ? call.path() : "/" + call.path()))
                    .append(", ");
            lua.append(call.token() == null ? "nil" : quote(call.token())).append(", ");
            lua.append(call.body() == null ? "nil" : quote(call.body())).append("},\n");
        }
        lua.append("}\n");
        lua.append("""
                local threads = {}
                local counter = 0
                setup = function(thread)
                  counter = counter + 1
                  thread:set("offset", counter)
                  table.insert(threads, thread)
                end
                local formatted = {}
                local position = 0
                s4xx = 0
                s5xx = 0
                init = function(args)
                  for i, c in ipairs(calls) do
                    local headers = {}
                    if c[3] ~= nil then headers["Authorization"] = "Bearer " .. c[3] end
                    if c[4] ~= nil then headers["Content-Type"] = "application/json" end
                    formatted[i] = wrk.format(c[1], c[2], headers, c[4])
                  end
                  position = (offset * 7919) % #formatted
                end
                request = function()
                  position = position % #formatted + 1
                  return formatted[position]
                end
                """);
        if (countStatus) {
            lua.append("""
                    response = function(status, headers, body)
                      if status >= 500 then s5xx = s5xx + 1 elseif status >= 400 then s4xx = s4xx + 1 end
                    end
                    """);
        }
        StringBuilder percents = new StringBuilder();
        for (int i = 1; i < Latency.LEVELS.length - 1; i++) {
            percents.append(i > 1 ? ", " : "").append(Latency.LEVELS[i] * 100);
        }
        lua.append("local percents = {").append(percents).append("}\n");
        lua.append("""
                done = function(summary, latency, requests)
                  local c4, c5 = 0, 0
                  for _, t in ipairs(threads) do
                    c4 = c4 + (t:get("s4xx") or 0)
                    c5 = c5 + (t:get("s5xx") or 0)
                  end
                  local q = {string.format("%d", latency.min)}
                  for _, p in ipairs(percents) do
                    table.insert(q, string.format("%d", latency:percentile(p)))
                  end
                  table.insert(q, string.format("%d", latency.max))
                  local e = summary.errors
                  io.write(string.format(
                    '{"wrk":{"requests":%d,"duration_us":%d,"bytes":%d,"q":[%s],' ..
                    '"s4xx":%d,"s5xx":%d,"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d}}}\\n',
                    summary.requests, summary.duration, summary.bytes, table.concat(q, ","),
                    c4, c5, e.connect, e.read, e.write, e.status, e.timeout))
                end
                """);
        return lua.toString();
    }

    private static String quote(String text) {
        // Long brackets take any text literally; the level is chosen so that the text cannot close it.
        String level = "=";
        while (text.contains("]" + level + "]")) {
            level += "=";
        }
        return "[" + level + "[" + text + "]" + level + "]";
    }

    static Map<String, Object> asMap(Figures f) {
        return Map.ofEntries(
                Map.entry("requests", f.requests()),
                Map.entry("seconds", round(f.seconds())),
                Map.entry("requestsPerSecond", round(f.requestsPerSecond())),
                Map.entry("p50Millis", round(f.p50Millis())),
                Map.entry("p99Millis", round(f.p99Millis())),
                Map.entry("p999Millis", round(f.p999Millis())),
                Map.entry("maxMillis", round(f.maxMillis())),
                Map.entry(
                        "latencyMillisAtLevels",
                        Arrays.stream(f.latency().millis())
                                .map(Wrk::round)
                                .boxed()
                                .toList()),
                Map.entry("socketErrors", f.socketErrors()),
                Map.entry("timeouts", f.timeouts()),
                Map.entry("non2xx", f.non2xx()),
                Map.entry("status5xx", f.status5xx()),
                Map.entry("bytes", f.bytes()));
    }

    static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
