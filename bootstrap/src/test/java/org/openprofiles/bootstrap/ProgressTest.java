package org.openprofiles.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Progress lines: done / total, rate and time left; rewritten in place on a terminal, plain lines elsewhere. */
class ProgressTest {

    @Test
    void theLineSaysDoneOfTotalTheRateAndTheTimeLeft() {
        AtomicLong nanos = new AtomicLong();
        Progress progress =
                new Progress(new PrintStream(new ByteArrayOutputStream()), false, "backup", "rows", 10_000, nanos::get);
        progress.advance(2_500);
        nanos.set(5_000_000_000L);
        assertEquals("backup: 2,500 / 10,000 rows (25%), 500 rows/s, 0:15 left", progress.line(nanos.get()));
    }

    @Test
    void withoutATerminalItPrintsPlainLinesNowAndThenAndASummary() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AtomicLong nanos = new AtomicLong();
        Progress progress = new Progress(
                new PrintStream(out, true, StandardCharsets.UTF_8), false, "import", "items", 4, nanos::get);
        progress.advance(1);
        nanos.set(6_000_000_000L);
        progress.advance(1);
        nanos.set(8_000_000_000L);
        progress.finish("Imported 2 templates");
        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals(
                "import: 2 / 4 items (50%), 0 items/s, 0:06 left\nImported 2 templates (2 items in 0:08)\n",
                text.replace("\r", ""));
        assertTrue(!text.contains("\033"), "no terminal control codes in a log");
    }

    @Test
    void onATerminalTheLineIsRewrittenInPlace() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AtomicLong nanos = new AtomicLong();
        Progress progress = new Progress(
                new PrintStream(out, true, StandardCharsets.UTF_8), true, "restore", "rows", 100, nanos::get);
        nanos.set(1_000_000_000L);
        progress.advance(50);
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(
                text.startsWith("\r\033[K restore".substring(0, 4)) && text.contains("restore: 50 / 100 rows (50%)"),
                text);
        assertTrue(!text.contains("\n"), "no new line until the summary");
    }
}
