package org.openprofiles.bootstrap;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Progress of long work: on a terminal one line rewritten in place (done / total, rate, time
 * left); elsewhere (a log, a pipe) a plain line now and then. {@link #finish} prints the summary.
 */
final class Progress {

    private static final long PLAIN_EVERY_NANOS = Duration.ofSeconds(5).toNanos();
    private static final long TERMINAL_EVERY_NANOS = Duration.ofMillis(200).toNanos();

    private final PrintStream out;
    private final boolean terminal;
    private final String what;
    private final String unit;
    private final long total;
    private final LongSupplier clock;
    private final long started;
    private long done;
    private long lastShown;

    /** Starts progress reports for one piece of work. */
    interface Factory {
        Progress start(String what, String unit, long total);
    }

    Progress(PrintStream out, boolean terminal, String what, String unit, long total) {
        this(out, terminal, what, unit, total, System::nanoTime);
    }

    Progress(PrintStream out, boolean terminal, String what, String unit, long total, LongSupplier nanoClock) {
        this.out = out;
        this.terminal = terminal;
        this.what = what;
        this.unit = unit;
        this.total = total;
        this.clock = nanoClock;
        this.started = nanoClock.getAsLong();
        this.lastShown = started;
    }

    /** {@code count} more items done. */
    synchronized void advance(long count) {
        done += count;
        long now = clock.getAsLong();
        if (now - lastShown >= (terminal ? TERMINAL_EVERY_NANOS : PLAIN_EVERY_NANOS)) {
            lastShown = now;
            show(now);
        }
    }

    synchronized long done() {
        return done;
    }

    /** The status line as it stands: {@code backup: 1,200 / 5,000 rows (24%), 600 rows/s, 0:06 left}. */
    synchronized String line(long now) {
        double seconds = Math.max(1e-3, (now - started) / 1e9);
        double rate = done / seconds;
        StringBuilder text = new StringBuilder(what).append(": ").append(String.format(Locale.ROOT, "%,d", done));
        if (total > 0) {
            text.append(String.format(Locale.ROOT, " / %,d %s (%d%%)", total, unit, Math.min(100, done * 100 / total)));
        } else {
            text.append(' ').append(unit);
        }
        text.append(String.format(Locale.ROOT, ", %,.0f %s/s", rate, unit));
        if (total > 0 && rate > 0 && done < total) {
            text.append(", ").append(clockTime((long) ((total - done) / rate))).append(" left");
        }
        return text.toString();
    }

    /** The last word: what was done and how long it took. */
    synchronized void finish(String summary) {
        long now = clock.getAsLong();
        if (terminal) {
            out.print("\r\033[K");
        }
        out.println(summary
                + String.format(
                        Locale.ROOT, " (%,d %s in %s)", done, unit, clockTime((now - started) / 1_000_000_000L)));
        out.flush();
    }

    private void show(long now) {
        if (terminal) {
            out.print("\r\033[K" + line(now));
        } else {
            out.println(line(now));
        }
        out.flush();
    }

    static String clockTime(long seconds) {
        return seconds >= 3600
                ? String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                : String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }
}
