package org.openprofiles.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openprofiles.domain.certificate.pki.CaCertificate;
import org.openprofiles.domain.certificate.pki.CaCertificates;

/** {@code ca show} and {@code ca rotate} on the embedded CA's files, without a server. */
class CaCommandTest {

    @TempDir
    Path dataDir;

    private record Outcome(int exit, String out, String err) {}

    private Outcome run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Cli.run(
                args,
                new Cli.Io(
                        Map.of(),
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8),
                        false));
        return new Outcome(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void rotateMakesANewIssuingCaUnderTheSameRootAndKeepsTheOldOneRetired() throws Exception {
        String[] settings = {"--data-dir", dataDir.toString(), "--public-base-url", "http://pki.example.org/"};
        Outcome shown = run(concat(new String[] {"ca", "show"}, settings));
        assertEquals(0, shown.exit(), shown.err());
        assertTrue(shown.out().contains("ROOT") && shown.out().contains("ISSUING"), shown.out());
        CaCertificates before = CaCommand.open(
                        TestServers.build(Config.builder().with(Config.DATA_DIR, dataDir.toString())))
                .caCertificates();

        Outcome rotated = run(concat(new String[] {"ca", "rotate"}, settings));
        assertEquals(0, rotated.exit(), rotated.err());
        CaCertificates after = CaCommand.open(
                        TestServers.build(Config.builder().with(Config.DATA_DIR, dataDir.toString())))
                .caCertificates();
        assertNotEquals(before.issuing().id(), after.issuing().id());
        assertEquals(before.root().id(), after.root().id(), "the same root: relying parties change nothing");
        assertTrue(after.all().stream()
                .anyMatch(c -> c.role() == CaCertificate.Role.RETIRED_ISSUING
                        && c.id().equals(before.issuing().id())));
        assertTrue(rotated.out().contains(after.issuing().id().value()), rotated.out());
    }

    @Test
    void anOperatorsKeystoreIsNeverRotated() {
        Outcome refused = run(
                "ca",
                "rotate",
                "--data-dir",
                dataDir.toString(),
                "--ca-keystore",
                "pom.xml",
                "--ca-keystore-password",
                "x");
        assertEquals(Cli.REFUSED, refused.exit(), refused.err());
        assertTrue(refused.err().contains("never written"), refused.err());
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
