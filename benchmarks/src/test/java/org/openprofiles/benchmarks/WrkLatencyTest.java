package org.openprofiles.benchmarks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.DoubleStream;
import org.junit.jupiter.api.Test;
import org.openprofiles.benchmarks.Wrk.Figures;
import org.openprofiles.benchmarks.Wrk.Latency;

class WrkLatencyTest {

    /** The table wrk would report for these latencies: the latency at each level, nearest rank. */
    private static Latency tableOf(double[] samples) {
        double[] sorted = samples.clone();
        Arrays.sort(sorted);
        double[] millis = new double[Latency.LEVELS.length];
        for (int i = 0; i < millis.length; i++) {
            int rank = (int) Math.ceil(Latency.LEVELS[i] * sorted.length) - 1;
            millis[i] = sorted[Math.max(0, Math.min(sorted.length - 1, rank))];
        }
        return new Latency(millis);
    }

    private static double[] uniform(Random random, int count, double from, double to) {
        return DoubleStream.generate(() -> from + random.nextDouble() * (to - from))
                .limit(count)
                .toArray();
    }

    private static double[] concat(double[]... parts) {
        return Arrays.stream(parts).flatMapToDouble(Arrays::stream).toArray();
    }

    @Test
    void theUnionOfTwoWindowsIsTheDistributionOfAllTheirRequestsNotTheMeanOfTheirPercentiles() {
        Random random = new Random(14);
        double[] quiet = uniform(random, 20_000, 2, 6);
        // The other window stalled: 1.5 % of its requests took 100-900 ms, 0.75 % of all requests.
        double[] stalled = concat(uniform(random, 19_700, 2, 6), uniform(random, 300, 100, 900));

        Latency union = Latency.union(tableOf(quiet), quiet.length, tableOf(stalled), stalled.length);
        Latency exact = tableOf(concat(quiet, stalled));

        for (double level : new double[] {0.5, 0.9, 0.99, 0.995, 0.999}) {
            double expected = exact.at(level);
            assertEquals(expected, union.at(level), expected * 0.05, "latency at " + level);
        }
        double meanOfPercentiles = (tableOf(quiet).at(0.99) + tableOf(stalled).at(0.99)) / 2;
        assertTrue(exact.at(0.99) < 7, "p99 of all " + exact.at(0.99));
        assertTrue(meanOfPercentiles > 100, "the mean of the windows' p99 overstates it: " + meanOfPercentiles);
        assertEquals(Math.max(tableOf(stalled).at(1), tableOf(quiet).at(1)), union.at(1), 1e-9);
        assertEquals(Math.min(tableOf(stalled).at(0), tableOf(quiet).at(0)), union.at(0), 1e-9);
    }

    @Test
    void aWindowWithItselfIsUnchangedAndTheWeightsFollowTheRequests() {
        Random random = new Random(7);
        Latency fast = tableOf(uniform(random, 10_000, 1, 3));
        Latency slow = tableOf(uniform(random, 10_000, 10, 30));

        assertArrayEquals(fast.millis(), Latency.union(fast, 500, fast, 1500).millis(), 1e-6);
        // Nine of ten requests were fast: the union's median is a fast one, its p99 a slow one.
        Latency mostlyFast = Latency.union(fast, 9_000, slow, 1_000);
        assertTrue(mostlyFast.at(0.5) < 3, "median " + mostlyFast.at(0.5));
        assertTrue(mostlyFast.at(0.99) > 10, "p99 " + mostlyFast.at(0.99));
    }

    @Test
    void shareAndLatencyAreInversesBetweenTheLevels() {
        Latency table = tableOf(uniform(new Random(3), 50_000, 1, 101));
        for (double level : new double[] {0.1, 0.5, 0.97, 0.99, 0.9975}) {
            assertEquals(level, table.share(table.at(level)), 1e-9);
        }
        assertEquals(0, table.share(0.5), 1e-12);
        assertEquals(1, table.share(1_000), 1e-12);
    }

    @Test
    void figuresTogetherAddCountsAndTakeTheRateOverBothWindows() {
        Latency latency = tableOf(uniform(new Random(1), 1_000, 1, 2));
        Figures a = new Figures(1_000, 10, 100, latency, 1, 0, 2, 2, 0, 5_000);
        Figures b = new Figures(3_000, 10, 300, latency, 0, 1, 0, 0, 0, 15_000);

        Figures both = Figures.together(a, b);

        assertEquals(4_000, both.requests());
        assertEquals(200, both.requestsPerSecond(), 1e-9);
        assertEquals(4, both.errors());
        assertEquals(20_000, both.bytes());
        assertEquals(latency.at(0.99), both.p99Millis(), 1e-6);
    }
}
