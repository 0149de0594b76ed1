package org.openprofiles.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The start-up log says how long each step took, on whichever thread it ran. */
class StartPhasesTest {

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(StartPhases.class);

    @BeforeEach
    void listen() {
        logs.start();
        logger.addAppender(logs);
    }

    @AfterEach
    void stopListening() {
        logger.detachAppender(logs);
    }

    private List<String> lines() {
        return logs.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    @Test
    void eachStepLogsOneLineWithItsDurationAndTheStartEndsWithTheTotal() {
        StartPhases phases = new StartPhases();

        assertEquals(42, phases.time("the answer", () -> 42));
        phases.time("nothing", () -> {});
        phases.done();

        List<String> lines = lines();
        assertEquals(3, lines.size(), lines.toString());
        assertTrue(lines.get(0).matches("start: the answer took \\d+ ms \\(CPU \\d+ ms\\)"), lines.get(0));
        assertTrue(lines.get(1).matches("start: nothing took \\d+ ms \\(CPU \\d+ ms\\)"), lines.get(1));
        // On Linux (where /proc says when the JVM was launched and how much CPU it used):
        assertTrue(
                lines.get(2)
                        .matches("start: serving \\d+ ms after the JVM was launched \\(\\d+ ms in Server.start;"
                                + " CPU \\d+ ms, \\d+ ms of it compiling\\)"),
                lines.get(2));
    }

    @Test
    void theTimeSinceLaunchIsTheJvmsUptimePlusItsOwnStartNotWholeSecondsMore() {
        long jvmUptime = ManagementFactory.getRuntimeMXBean().getUptime();
        long sinceLaunch = StartPhases.millisSinceLaunch().orElseThrow();
        long jvmUptimeAfter = ManagementFactory.getRuntimeMXBean().getUptime();

        // The process exists a little before its JVM does; /proc counts in 10 ms steps.
        assertTrue(sinceLaunch >= jvmUptime - 20, sinceLaunch + " ms since launch, JVM up " + jvmUptime + " ms");
        assertTrue(
                sinceLaunch <= jvmUptimeAfter + 250,
                sinceLaunch + " ms since launch, JVM up " + jvmUptimeAfter + " ms");
    }

    @Test
    void aBackgroundStepRunsOnItsOwnThreadAndHandsOverItsResultOrItsFailure() {
        StartPhases phases = new StartPhases();

        String thread = phases.inBackground(
                        "read ahead", () -> Thread.currentThread().getName())
                .join();
        CompletionException failed = assertThrows(
                CompletionException.class,
                () -> phases.inBackground("broken", () -> {
                            throw new IllegalStateException("no keystore");
                        })
                        .join());

        assertEquals("start-read-ahead", thread);
        assertEquals("no keystore", failed.getCause().getMessage());
        assertEquals(1, lines().size(), "a failed step logs no duration: " + lines());
    }
}
