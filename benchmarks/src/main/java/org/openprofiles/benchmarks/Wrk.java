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
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The load generator: Debian's {@code wrk} in its own process, driven by a generated Lua script
 * that cycles through a fixed list of requests (each connection starting at a different one) and
 * prints its figures as one JSON line when it is done: requests, duration, latency percentiles
 * (p50, p99, p99.9, max), socket errors, and the answers by status class.
 */
final class Wrk {

    /** One request of a load: method, path (with query), bearer token or null, JSON body or null. */
    record Call(String method, String path, String token, String body) {
        static Call get(String path, String token) {
            return new Call("GET", path, token, null);
        }
    }

    /** What one wrk run measured. */
    record Figures(
            long requests,
            double seconds,
            double requestsPerSecond,
            double p50Millis,
            double p99Millis,
            double p999Millis,
            double maxMillis,
            long socketErrors,
            long timeouts,
            long non2xx,
            long status4xx,
            long status5xx,
            long bytes) {

        long errors() {
            return socketErrors + timeouts + non2xx;
        }

        /**
         * Two windows of the same load as one: counts added, req/s over the time of both, the
         * latency percentiles each window's weighted by its requests (wrk reports percentiles,
         * not its histogram), the maximum of the two.
         */
        static Figures together(Figures a, Figures b) {
            long requests = a.requests + b.requests;
            double seconds = a.seconds + b.seconds;
            double wa = requests == 0 ? 0.5 : (double) a.requests / requests;
            double wb = 1 - wa;
            return new Figures(
                    requests,
                    seconds,
                    seconds == 0 ? 0 : requests / seconds,
                    a.p50Millis * wa + b.p50Millis * wb,
                    a.p99Millis * wa + b.p99Millis * wb,
                    a.p999Millis * wa + b.p999Millis * wb,
                    Math.max(a.maxMillis, b.maxMillis),
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
                w.get("p50").asDouble() / 1000,
                w.get("p99").asDouble() / 1000,
                w.get("p999").asDouble() / 1000,
                w.get("max").asDouble() / 1000,
                errors.get("connect").asLong()
                        + errors.get("read").asLong()
                        + errors.get("write").asLong(),
                errors.get("timeout").asLong(),
                errors.get("status").asLong(),
                w.get("s4xx").asLong(),
                w.get("s5xx").asLong(),
                w.get("bytes").asLong());
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
        lua.append("""
                done = function(summary, latency, requests)
                  local c4, c5 = 0, 0
                  for _, t in ipairs(threads) do
                    c4 = c4 + (t:get("s4xx") or 0)
                    c5 = c5 + (t:get("s5xx") or 0)
                  end
                  local e = summary.errors
                  io.write(string.format(
                    '{"wrk":{"requests":%d,"duration_us":%d,"bytes":%d,"p50":%d,"p99":%d,"p999":%d,"max":%d,' ..
                    '"s4xx":%d,"s5xx":%d,"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d}}}\\n',
                    summary.requests, summary.duration, summary.bytes,
                    latency:percentile(50), latency:percentile(99), latency:percentile(99.9), latency.max,
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
