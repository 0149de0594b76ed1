package org.openprofiles.bootstrap;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packed jar and the class-data sharing archive the build writes beside it
 * ({@code cds-archive}): started as the README starts it, the server takes the classes of its
 * start from the archive. {@code -Xshare:on} makes an archive that does not fit this jar and this
 * Java an error instead of a warning.
 */
class CdsArchiveIT {

    private static final Path JAR = Path.of("target", "openprofiles-server.jar").toAbsolutePath();
    private static final Path ARCHIVE =
            Path.of("target", "openprofiles-server.jsa").toAbsolutePath();

    @Test
    void theBuildWritesAnArchiveThatAStartOfTheJarTakesItsClassesFrom(@TempDir Path dir) throws Exception {
        assumeFalse(Boolean.getBoolean("cds.skip"), "built with -Dcds.skip");
        assertTrue(Files.isRegularFile(ARCHIVE), "the build wrote no " + ARCHIVE);
        Path classes = dir.resolve("classes.log");
        Path output = dir.resolve("server.log");
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-XX:SharedArchiveFile=" + ARCHIVE,
                        "-Xshare:on",
                        "-Xlog:class+load=info:file=" + classes,
                        "-jar",
                        JAR.toString())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("PROFILES_"));
        builder.environment().put("PROFILES_DATA_DIR", dir.resolve("data").toString());
        builder.environment().put("PROFILES_HTTP_PORT", "0");
        Process server = builder.start();
        try {
            Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
            while (!Files.readString(output).contains("OpenProfiles listening on")) {
                assertTrue(server.isAlive(), "the server exited:\n" + Files.readString(output));
                assertTrue(
                        Instant.now().isBefore(deadline),
                        "not listening after 2 minutes:\n" + Files.readString(output));
                Thread.sleep(100);
            }
        } finally {
            server.destroy();
            assertTrue(server.waitFor(60, TimeUnit.SECONDS), "did not stop");
        }

        long fromArchive = count(classes, "source: shared objects file (top)");
        long fromJar = count(classes, "source: file:") + count(classes, "source: jar:file:");
        assertTrue(
                fromArchive > 10 * fromJar,
                fromArchive + " classes from the archive, " + fromJar + " from the jar:\n" + Files.readString(output));
    }

    private static long count(Path log, String text) throws IOException {
        try (var lines = Files.lines(log)) {
            return lines.filter(line -> line.contains(text)).count();
        }
    }
}
