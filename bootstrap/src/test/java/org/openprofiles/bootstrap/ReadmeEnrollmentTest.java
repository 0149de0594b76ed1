package org.openprofiles.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openprofiles.adapter.jdbc.testing.PostgresExtension;
import org.openprofiles.adapter.jdbc.testing.TestDatabase;

/**
 * The README's curl walkthrough of one enrollment runs, as written there, against a server: the
 * certificate it ends with verifies against the published chain and OCSP says it is good. Skipped,
 * saying so, when bash, curl, jq or openssl is missing.
 */
@ExtendWith(PostgresExtension.class)
class ReadmeEnrollmentTest {

    static final String HEADING = "### Enrolling for a certificate, with curl";

    @TempDir
    Path work;

    @Test
    void theReadmesEnrollmentWalkthroughRunsAsWritten(TestDatabase db) throws Exception {
        for (String tool : new String[] {"bash", "curl", "jq", "openssl", "base64"}) {
            assumeTrue(
                    available(tool),
                    tool + " is not on the PATH: the README walkthrough needs it (Debian: apt-get install " + tool
                            + ")");
        }
        String readme = Files.readString(Path.of("..", "README.md"));
        int section = readme.indexOf(HEADING);
        assertTrue(section >= 0, "the README has the walkthrough");
        int start = readme.indexOf("```sh\n", section) + "```sh\n".length();
        String script = readme.substring(start, readme.indexOf("```", start));
        Files.writeString(work.resolve("walkthrough.sh"), script, StandardCharsets.UTF_8);
        try (Server server = Server.start(TestServers.build(TestServers.builder(db)
                .with(Config.DATA_DIR, work.resolve("data").toString())))) {
            String base = server.uri().toString().replaceAll("/$", "");
            ProcessBuilder bash = new ProcessBuilder("bash", "-euo", "pipefail", "walkthrough.sh")
                    .directory(work.toFile())
                    .redirectErrorStream(true);
            bash.environment().put("BASE", base);
            bash.environment().put("ADMIN_TOKEN", TestServers.ADMIN_TOKEN);
            Process process = bash.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the walkthrough did not finish");
            assertEquals(0, process.exitValue(), output);
            assertTrue(output.contains("ann.pem: OK"), output);
            assertTrue(output.contains("ann.pem: good") && output.contains("Response verify OK"), output);
            assertTrue(output.contains("\"KeyAlgorithmName\":\"ECDSA_P256\""), output);
        }
    }

    private static boolean available(String tool) {
        try {
            Process process = new ProcessBuilder("bash", "-c", "command -v " + tool)
                    .redirectErrorStream(true)
                    .start();
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
