package org.openprofiles.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * How the machine's CPU time went between two moments, from the first line of {@code /proc/stat}
 * (every core's clock ticks, by state). On a virtual machine {@code steal} is time the host gave
 * to something else while this guest had work, and {@code iowait} is idle time with a read or
 * write outstanding: the two tell a slow host or a slow disk from slow code when a start or a
 * window of a run is slower than the others.
 */
record MachineTime(long busy, long idle, long iowait, long steal) {

    private static final Path STAT = Path.of("/proc/stat");

    /** The counters now; empty where there is no {@code /proc/stat}. */
    static Optional<MachineTime> now() {
        try {
            return Optional.of(parse(Files.readAllLines(STAT).get(0)));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The {@code cpu} line: user nice system idle iowait irq softirq steal (guest time is counted
     * in user already, so it is not added again).
     */
    static MachineTime parse(String cpuLine) {
        String[] fields = cpuLine.trim().split("\\s+");
        if (!fields[0].equals("cpu") || fields.length < 9) {
            throw new IllegalArgumentException("not the cpu line of /proc/stat: " + cpuLine);
        }
        long[] ticks = Arrays.stream(fields, 1, 9).mapToLong(Long::parseLong).toArray();
        long busy = ticks[0] + ticks[1] + ticks[2] + ticks[5] + ticks[6];
        return new MachineTime(busy, ticks[3], ticks[4], ticks[7]);
    }

    /** What passed since {@code before}. */
    MachineTime since(MachineTime before) {
        return new MachineTime(busy - before.busy, idle - before.idle, iowait - before.iowait, steal - before.steal);
    }

    /** "busy 71 %, iowait 2 %, steal 9 %, idle 18 %" of all the cores' time, or "unknown" for no time. */
    String shares() {
        long total = busy + idle + iowait + steal;
        if (total <= 0) {
            return "unknown";
        }
        return String.format(
                Locale.ROOT,
                "busy %.0f %%, iowait %.0f %%, steal %.0f %%, idle %.0f %%",
                100.0 * busy / total,
                100.0 * iowait / total,
                100.0 * steal / total,
                100.0 * idle / total);
    }

    /** The machine's time from {@code before} (when it was read) to now, as {@link #shares}. */
    static String sharesSince(Optional<MachineTime> before) {
        return before.flatMap(b -> now().map(n -> n.since(b).shares())).orElse("unknown");
    }
}
