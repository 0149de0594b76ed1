package org.openprofiles.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code main} as a user meets it: a real JVM, its exit code and what it prints. */
class MainProcessTest {

    record Run(int exitCode, String out, String err) {}

    @Test
    void anUnreachableDatabaseExitsNonZeroWithOneClearLine() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Run run = runMain(
                Map.of("PROFILES_DB_PASSWORD", "hunter2"),
                "--http-port",
                "0",
                "--db-url",
                "jdbc:postgresql://127.0.0.1:" + closedPort + "/profiles");
        assertEquals(1, run.exitCode());
        List<String> lines = run.err().lines().filter(l -> !l.isBlank()).toList();
        assertEquals(1, lines.size(), "exactly one line on stderr, was:\n" + run.err());
        assertTrue(
                lines.get(0).startsWith("openprofiles: cannot start: cannot connect to the database at "),
                lines.get(0));
        assertFalse(run.err().contains("\tat "), "no stack trace");
        assertFalse(run.err().contains("hunter2"), "no password");
    }

    @Test
    void serveHelpListsEveryVariableAndFlag() throws Exception {
        Run run = runMain("serve", "--help");
        assertEquals(0, run.exitCode());
        for (Setting<?> setting : Config.settings()) {
            assertTrue(run.out().contains(setting.env()), setting.env());
            assertTrue(run.out().contains(setting.flag()), setting.flag());
        }
    }

    @Test
    void aBadSettingExitsWithTwoAndNamesIt() throws Exception {
        Run run = runMain("--http-port", "eighty");
        assertEquals(2, run.exitCode());
        assertEquals(
                "openprofiles: --http-port / PROFILES_HTTP_PORT must be a whole number, was 'eighty'",
                run.err().strip());
    }

    @Test
    void aPlainStartReadsTheEnvironmentWithoutBuildingTheCommandLine(@TempDir Path dir) throws Exception {
        Path classes = dir.resolve("classes.log");
        Run run = runMain(
                Map.of("PROFILES_HTTP_PORT", "eighty"), List.of("-Xlog:class+load:file=" + classes), new String[0]);
        assertEquals(2, run.exitCode());
        assertEquals(
                "openprofiles: --http-port / PROFILES_HTTP_PORT must be a whole number, was 'eighty'",
                run.err().strip());
        assertFalse(Files.readString(classes).contains(" picocli.CommandLine "), "picocli's command line was built");
    }

    static Run runMain(String... args) throws IOException, InterruptedException {
        return runMain(Map.of(), args);
    }

    /** Runs {@code main} in a new JVM with only {@code env} among the PROFILES_ variables. */
    static Run runMain(Map<String, String> env, String... args) throws IOException, InterruptedException {
        return runMain(env, List.of(), args);
    }

    /** {@link #runMain(Map, String...)} with {@code jvmOptions} on the java command line. */
    static Run runMain(Map<String, String> env, List<String> jvmOptions, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(name -> name.startsWith("PROFILES_"));
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("main did not exit within 60 s");
        }
        return new Run(
                process.exitValue(),
                new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }
}
