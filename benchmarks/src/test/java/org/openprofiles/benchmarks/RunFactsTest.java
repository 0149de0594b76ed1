package org.openprofiles.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The machine facts a run records beside its figures, read from the kernel as they are. */
class RunFactsTest {

    @Test
    void theSchedulerFactNamesTheKernelAndItsAutogroupSetting() throws IOException {
        Path autogroup = Path.of("/proc/sys/kernel/sched_autogroup_enabled");
        assumeTrue(Files.isReadable(autogroup), "a Linux kernel with autogroup");
        String release = Files.readString(Path.of("/proc/sys/kernel/osrelease")).strip();

        assertEquals(
                "Linux " + release + ", kernel.sched_autogroup_enabled="
                        + Files.readString(autogroup).strip(),
                Run.scheduler());
    }

    @Test
    void theLoadAverageIsTheKernelsThreeFigures() throws IOException {
        Path loadavg = Path.of("/proc/loadavg");
        assumeTrue(Files.isReadable(loadavg), "a Linux kernel");

        String[] figures = Run.loadAverage().split(" ");

        assertEquals(3, figures.length);
        for (String figure : figures) {
            Double.parseDouble(figure);
        }
    }
}
