package org.openprofiles.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openprofiles.benchmarks.Run.Window;
import org.openprofiles.benchmarks.Wrk.Figures;
import org.openprofiles.benchmarks.Wrk.Latency;

/**
 * The observability comparison's figures: a configuration's windows summed by round and by process,
 * so that one process apart from the others of its configuration shows.
 */
class ObservabilityWindowsTest {

    private static Window window(int round, int process, long requests, long cpuMillis) {
        double[] millis = new double[Latency.LEVELS.length];
        java.util.Arrays.fill(millis, 5);
        Figures figures = new Figures(requests, 10, requests / 10.0, new Latency(millis), 0, 0, 0, 0, 0, 0);
        return new Window(round, process, figures, cpuMillis);
    }

    @Test
    void eachProcessIsItsOwnSumOverTheRounds() {
        List<Window> windows = List.of(
                window(1, 0, 1_000, 200), // 200 µs
                window(1, 1, 1_000, 250), // 250 µs
                window(2, 1, 3_000, 750), // 250 µs
                window(2, 0, 1_000, 200));

        assertEquals(List.of("200", "250"), Run.summed(windows, Window::process, Window::cpuMicrosPerRequest, "%.0f"));
        assertEquals(List.of("225", "238"), Run.summed(windows, Window::round, Window::cpuMicrosPerRequest, "%.0f"));
        assertEquals(1_400_000.0 / 6_000, Window.sum(windows).cpuMicrosPerRequest(), 1e-9);
    }

    @Test
    void theMedianOfAnOddAndAnEvenNumberOfStarts() {
        assertEquals(1.3, Run.median(List.of(3.6, 1.2, 1.3)), 1e-9);
        assertEquals(1.25, Run.median(List.of(1.3, 1.2)), 1e-9);
    }
}
