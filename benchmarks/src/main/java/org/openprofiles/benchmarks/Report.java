package org.openprofiles.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The run's results: every measured route as a row with its ratios to the ceiling of the same
 * phase, and the one-off figures (bulk loads, heap, start-up, soak). Written as a Markdown table,
 * a JSON file and an SVG chart; the table is also printed.
 */
final class Report {

    /** What a route's ratio must reach, when the issue sets a target. */
    record Target(double minRatio, double maxP99Ratio) {}

    /**
     * One measured route in one phase; {@code ceiling} is the one-query ceiling measured right
     * before it (routes with a target are paired so, because other work on the machine changes
     * from minute to minute), else the phase's ceiling counts.
     */
    record Row(
            String phase,
            String route,
            String what,
            Wrk.Figures figures,
            Optional<Target> target,
            Optional<Wrk.Figures> ceiling) {}

    private final List<Row> rows = new ArrayList<>();
    private final Map<String, Object> facts = new LinkedHashMap<>();
    private final Map<String, Object> settings;

    static final String CEILING = "ceiling: one indexed SELECT";
    static final String BYTES = "ceiling: same bytes, no database";

    Report(Map<String, Object> settings) {
        this.settings = settings;
    }

    void add(Row row) {
        rows.add(row);
    }

    void fact(String name, Object value) {
        facts.put(name, value);
        System.out.println("  " + name + ": " + value);
    }

    List<Row> rows() {
        return rows;
    }

    /**
     * The one-query ceiling of a phase: its measurements in that phase (taken before and after the
     * routes, so that a change of the machine's load during the phase shows in both) as one.
     */
    Optional<Wrk.Figures> ceiling(String phase) {
        return rows.stream()
                .filter(row -> row.phase().equals(phase) && row.route().equals(CEILING))
                .map(Row::figures)
                .reduce(Wrk.Figures::together);
    }

    Optional<Row> find(String phase, String route) {
        return rows.stream()
                .filter(r -> r.phase().equals(phase) && r.route().equals(route))
                .reduce((first, second) -> second);
    }

    double ratio(Row row) {
        return ceilingOf(row)
                .map(c -> row.figures().requestsPerSecond() / c.requestsPerSecond())
                .orElse(Double.NaN);
    }

    double p99Ratio(Row row) {
        return ceilingOf(row)
                .map(c -> row.figures().p99Millis() / c.p99Millis())
                .orElse(Double.NaN);
    }

    private Optional<Wrk.Figures> ceilingOf(Row row) {
        return row.ceiling().or(() -> ceiling(row.phase()));
    }

    /** "met", "MISSED" or "" for a row without target. */
    String verdict(Row row) {
        if (row.target().isEmpty() || row.target().get().minRatio() <= 0) {
            return "";
        }
        Target t = row.target().get();
        boolean met = ratio(row) >= t.minRatio() && (t.maxP99Ratio() <= 0 || p99Ratio(row) <= t.maxP99Ratio());
        String goal = "≥ " + fmt(t.minRatio()) + (t.maxP99Ratio() > 0 ? ", p99 ≤ " + fmt(t.maxP99Ratio()) + "×" : "");
        return (met ? "met" : "**MISSED**") + " (" + goal + ")";
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append(
                "| phase | route | req/s | p50 ms | p99 ms | p99.9 ms | errors | ceiling req/s | × ceiling req/s | p99 ÷ ceiling p99 | target |\n");
        md.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (Row row : rows) {
            Wrk.Figures f = row.figures();
            md.append(String.format(
                    Locale.ROOT,
                    "| %s | %s | %,.0f | %.2f | %.2f | %.2f | %d | %s | %s | %s | %s |%n",
                    row.phase(),
                    row.what().isEmpty() ? row.route() : row.route() + " — " + row.what(),
                    f.requestsPerSecond(),
                    f.p50Millis(),
                    f.p99Millis(),
                    f.p999Millis(),
                    f.errors(),
                    ceilingOf(row)
                            .map(c -> String.format(
                                    Locale.ROOT,
                                    "%,.0f%s",
                                    c.requestsPerSecond(),
                                    row.ceiling().isPresent() ? " (paired)" : ""))
                            .orElse("—"),
                    fmt(ratio(row)),
                    fmt(p99Ratio(row)),
                    verdict(row)));
        }
        if (!facts.isEmpty()) {
            md.append("\n| figure | value |\n|---|---|\n");
            facts.forEach((name, value) ->
                    md.append("| ").append(name).append(" | ").append(value).append(" |\n"));
        }
        return md.toString();
    }

    Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("settings", settings);
        List<Map<String, Object>> measured = new ArrayList<>();
        for (Row row : rows) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("phase", row.phase());
            r.put("route", row.route());
            r.put("what", row.what());
            r.put("figures", Wrk.asMap(row.figures()));
            ceilingOf(row).ifPresent(c -> r.put("ceiling", Wrk.asMap(c)));
            r.put("ceilingPaired", row.ceiling().isPresent());
            r.put("ratioToCeiling", Wrk.round(ratio(row) * 100) / 100);
            r.put("p99RatioToCeiling", Wrk.round(p99Ratio(row) * 100) / 100);
            r.put("verdict", verdict(row).replace("*", ""));
            measured.add(r);
        }
        json.put("routes", measured);
        json.put("figures", facts);
        return json;
    }

    /** Bars of each route's throughput as a share of its phase's ceiling, with the 0.6 and 0.7 targets marked. */
    String svg() {
        int barHeight = 18;
        int gap = 6;
        int left = 430;
        int width = 420;
        int top = 40;
        int height = top + rows.size() * (barHeight + gap) + 40;
        double max = Math.max(
                1.2,
                rows.stream()
                        .mapToDouble(this::ratio)
                        .filter(d -> !Double.isNaN(d))
                        .max()
                        .orElse(1));
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"12\">%n",
                left + width + 80,
                height));
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        svg.append(
                "<text x=\"10\" y=\"20\" font-size=\"14\" font-weight=\"bold\">Throughput as a share of the one-query ceiling (same run)</text>\n");
        for (double mark : new double[] {0.6, 0.7, 1.0}) {
            double x = left + width * mark / max;
            svg.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"%s\" stroke-dasharray=\"4 3\"/>"
                            + "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" fill=\"#555\">%s</text>%n",
                    x,
                    top - 6,
                    x,
                    height - 30,
                    mark == 1.0 ? "#333" : "#c62828",
                    x,
                    height - 16,
                    fmt(mark)));
        }
        int y = top;
        for (Row row : rows) {
            double ratio = ratio(row);
            double w = Double.isNaN(ratio) ? 0 : width * ratio / max;
            String color =
                    row.route().startsWith("ceiling") ? "#9e9e9e" : row.target().isPresent() ? "#1565c0" : "#64b5f6";
            svg.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>"
                            + "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>"
                            + "<text x=\"%.1f\" y=\"%d\">%s</text>%n",
                    left - 8,
                    y + 13,
                    escape(row.phase() + " · " + row.route()),
                    left,
                    y,
                    w,
                    barHeight,
                    color,
                    left + w + 4,
                    y + 13,
                    fmt(ratio)));
            y += barHeight + gap;
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    void write(Path directory) {
        try {
            Files.createDirectories(directory);
            Files.writeString(directory.resolve("results.md"), markdown(), StandardCharsets.UTF_8);
            Files.writeString(
                    directory.resolve("results.json"),
                    Api.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json()),
                    StandardCharsets.UTF_8);
            Files.writeString(directory.resolve("results.svg"), svg(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String fmt(double value) {
        return Double.isNaN(value) ? "—" : String.format(Locale.ROOT, "%.2f", value);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
