package org.openprofiles.bootstrap;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a restart leaves until after it serves. Jdbi's first statement sets up its statement
 * machinery (its SQL parser; the flight recorder's metadata and a generated event handler), about
 * 0.3 s of a start on 2 cores that readiness does not need: a restart's own statements go through
 * JDBC ({@code PlainJdbc}) and the server runs Jdbi's first statement a second after it serves.
 * Seen from outside, in the JVM's class-loading log of a server started as users start it.
 */
class StartOrderTest {

    private static final String JDBI_STATEMENT = "[class,load] org.jdbi.v3.core.statement.SqlStatement ";

    @Test
    void aRestartServesBeforeJdbiSetsUpItsStatementsAndSetsThemUpRightAfter(@TempDir Path dir) throws Exception {
        Map<String, String> env = Map.of("PROFILES_DATA_DIR", dir.toString(), "PROFILES_HTTP_PORT", "0");
        // The first start creates the database and its admin (with Jdbi statements, as any write).
        try (ChildServer first = ChildServer.start(env)) {
            first.uri();
        }
        try (ChildServer restart = ChildServer.start(List.of("-Xlog:class+load=info:stdout"), env)) {
            List<String> lines = awaitLine(restart, "start: statement machinery took");

            int serving = indexOf(lines, "start: serving");
            int firstJdbiStatement = indexOf(lines, JDBI_STATEMENT);
            assertTrue(serving >= 0, "no serving line:\n" + restart.output());
            assertTrue(
                    firstJdbiStatement > serving,
                    "Jdbi's statement class was loaded before the server served (line " + firstJdbiStatement
                            + ", serving at line " + serving + ")");
        }
    }

    private static List<String> awaitLine(ChildServer server, String text) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            List<String> lines = server.lines();
            if (indexOf(lines, text) >= 0) {
                return lines;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no line with '" + text + "' within 30 s:\n" + server.output());
    }

    private static int indexOf(List<String> lines, String text) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i;
            }
        }
        return -1;
    }
}
