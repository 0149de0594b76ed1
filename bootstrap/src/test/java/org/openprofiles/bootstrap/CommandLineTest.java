package org.openprofiles.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The command line as an operator meets it: a real JVM, what it prints, its exit code. */
class CommandLineTest {

    @Test
    void versionPrintsTheBuildsVersion() throws Exception {
        MainProcessTest.Run run = MainProcessTest.runMain("version");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().matches("OpenProfiles \\d+\\.\\d+\\.\\d+(-SNAPSHOT)? \\(Java .+\\)\\s*"), run.out());
    }

    @Test
    void helpListsTheCommandsAndTheExitCodes() throws Exception {
        MainProcessTest.Run run = MainProcessTest.runMain("--help");
        assertEquals(0, run.exitCode(), run.err());
        for (String command : new String[] {
            "serve", "demo", "migrate", "admin", "backup", "restore", "import", "export", "version", "cds-archive"
        }) {
            assertTrue(run.out().contains("  " + command + " "), command + " in:\n" + run.out());
        }
        assertTrue(run.out().contains("Exit codes:"), run.out());
        assertTrue(run.out().contains("130"), run.out());
    }

    @Test
    void everyCommandHasItsOwnHelp() throws Exception {
        for (String[] command : new String[][] {
            {"admin", "reset-token"},
            {"admin", "create-token"},
            {"backup"},
            {"restore"},
            {"import"},
            {"export"},
            {"migrate"},
            {"demo"},
            {"cds-archive"}
        }) {
            String[] args = java.util.Arrays.copyOf(command, command.length + 1);
            args[command.length] = "--help";
            MainProcessTest.Run run = MainProcessTest.runMain(args);
            assertEquals(0, run.exitCode(), String.join(" ", args) + ": " + run.err());
            assertTrue(run.out().startsWith("Usage: openprofiles " + String.join(" ", command)), run.out());
        }
    }

    @Test
    void cdsArchiveSaysItRunsFromTheServerJarWhenItDoesNot() throws Exception {
        // The tests run the classes from the build's directories, not from the packed jar.
        MainProcessTest.Run run = MainProcessTest.runMain("cds-archive");
        assertEquals(2, run.exitCode(), run.out());
        assertEquals(
                "openprofiles: cds-archive runs from the server jar: java -jar openprofiles-server.jar cds-archive",
                run.err().strip());
    }

    @Test
    void printConfigMasksSecretsAndSaysWhereEachValueCameFrom() throws Exception {
        MainProcessTest.Run run = MainProcessTest.runMain(
                Map.of("PROFILES_DB_PASSWORD", "hunter2", "PROFILES_HTTP_PORT", "9191"),
                "serve",
                "--print-config",
                "--time-zone",
                "Europe/Berlin");
        assertEquals(0, run.exitCode(), run.err());
        assertFalse(run.out().contains("hunter2"), run.out());
        assertTrue(
                run.out()
                        .lines()
                        .anyMatch(l -> l.startsWith("PROFILES_DB_PASSWORD ")
                                && l.contains("********")
                                && l.contains("environment PROFILES_DB_PASSWORD")),
                run.out());
        assertTrue(
                run.out().lines().anyMatch(l -> l.startsWith("PROFILES_HTTP_PORT ") && l.contains("9191")), run.out());
        assertTrue(
                run.out()
                        .lines()
                        .anyMatch(l -> l.startsWith("PROFILES_TIME_ZONE ")
                                && l.contains("Europe/Berlin")
                                && l.contains("flag --time-zone")),
                run.out());
        assertEquals("", run.err().strip(), "no warning for secrets from the environment");
    }

    @Test
    void aSecretGivenAsAFlagPrintsAWarningOnStderr() throws Exception {
        MainProcessTest.Run run = MainProcessTest.runMain("--print-config", "--db-password", "hunter2");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(
                run.err().startsWith("openprofiles: warning: --db-password puts a secret on the command line"),
                run.err());
        assertFalse(run.err().contains("hunter2") || run.out().contains("hunter2"));
    }

    @Test
    void anUnknownOptionIsAUsageErrorWithExitCodeTwo() throws Exception {
        MainProcessTest.Run run = MainProcessTest.runMain("--htp-port", "1");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--htp-port"), run.err());
    }
}
