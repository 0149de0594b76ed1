package org.openprofiles.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How a run tells a slow host or disk from slow code: the machine's time by state, from /proc/stat. */
class MachineTimeTest {

    @Test
    void theCpuLineIsReadAsBusyIdleIowaitAndSteal() {
        // user nice system idle iowait irq softirq steal guest guest_nice
        MachineTime time = MachineTime.parse("cpu  400 10 200 1000 50 5 35 300 40 0");

        assertEquals(new MachineTime(650, 1000, 50, 300), time);
    }

    @Test
    void theSharesAreOfAllTheTimeThatPassedBetweenTwoReadings() {
        MachineTime before = MachineTime.parse("cpu  100 0 100 100 0 0 0 0 0 0");
        MachineTime after = MachineTime.parse("cpu  200 0 200 200 100 0 0 200 0 0");

        assertEquals(
                "busy 33 %, iowait 17 %, steal 33 %, idle 17 %",
                after.since(before).shares());
    }

    @Test
    void noTimePassedIsUnknownRatherThanADivisionByZero() {
        MachineTime same = MachineTime.parse("cpu  1 2 3 4 5 6 7 8 0 0");

        assertEquals("unknown", same.since(same).shares());
    }

    @Test
    void aLineThatIsNotTheCpuLineIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> MachineTime.parse("cpu0 1 2 3 4 5 6 7 8"));
        assertThrows(IllegalArgumentException.class, () -> MachineTime.parse("cpu 1 2 3"));
    }

    @Test
    void theMachineIsReadFromTheKernel() throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/stat")), "a Linux kernel");
        Optional<MachineTime> before = MachineTime.now();
        assertTrue(before.isPresent());
        Thread.sleep(50);

        String shares = MachineTime.sharesSince(before);

        assertTrue(
                shares.matches("busy \\d+ %, iowait \\d+ %, steal \\d+ %, idle \\d+ %") || shares.equals("unknown"),
                shares);
        assertEquals("unknown", MachineTime.sharesSince(Optional.empty()));
    }
}
