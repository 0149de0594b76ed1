package org.openprofiles.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openprofiles.adapter.jdbc.shared.DatabaseUnavailable;

/**
 * The embedded PostgreSQL is looked after: when it dies the server starts it again and the
 * service recovers by itself, answering 503 with {@code Retry-After} meanwhile (never a 500,
 * never a wrong answer); and a data directory another live process uses is refused in one line.
 */
class EmbeddedDatabaseRecoveryTest {

    @TempDir
    Path dataDir;

    @BeforeEach
    void cluster() {
        TestClusters.copyInto(dataDir);
    }

    @Test
    void aKilledEmbeddedDatabaseIsRestartedAndTheServiceRecoversWithout500s() throws Exception {
        try (Server server = Server.start(TestServers.embeddedIn(dataDir))) {
            Http http = new Http(server.uri());
            String[] admin = {
                "Authorization",
                "Bearer " + server.firstStart().generatedToken().orElseThrow()
            };
            HttpResponse<String> created = http.post("/admin/v1/users", "{\"login\":\"survivor\"}", admin);
            assertEquals(201, created.statusCode(), created.body());

            PostmasterPid before =
                    PostmasterPid.read(dataDir.resolve("postgres")).orElseThrow();
            ProcessHandle postmaster = before.process().orElseThrow();
            postmaster.destroyForcibly();
            postmaster.onExit().get(30, TimeUnit.SECONDS);

            List<Integer> statuses = new ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            boolean recovered = false;
            while (!recovered && System.nanoTime() < deadline) {
                HttpResponse<String> users = http.get("/admin/v1/users?limit=1000", admin);
                statuses.add(users.statusCode());
                if (users.statusCode() == 503) {
                    assertTrue(users.headers().firstValue("Retry-After").isPresent(), "Retry-After on a 503");
                    assertTrue(users.body().contains("\"service_unavailable\""), users.body());
                } else {
                    assertEquals(
                            200, users.statusCode(), "only 200 or 503 while the database restarts: " + users.body());
                    assertTrue(users.body().contains("\"survivor\""), "data written before the crash is there");
                    recovered = http.get("/ready").statusCode() == 200;
                }
                Thread.sleep(100);
            }
            // A request that came during the outage waited for a connection (up to the pool's timeout)
            // and was answered 200 once the database was back, or 503 when that took longer.
            assertTrue(recovered, "the service recovered by itself; statuses seen: " + statuses);
            PostmasterPid after =
                    PostmasterPid.read(dataDir.resolve("postgres")).orElseThrow();
            assertNotEquals(before.pid(), after.pid(), "a new postmaster");
            assertEquals(before.port(), after.port(), "on the same port, so the pool's URL stays right");
        }
    }

    @Test
    void aDataDirectoryAnotherRunningServerUsesIsRefusedNamingIt() throws Exception {
        try (Server first = Server.start(TestServers.embeddedIn(dataDir))) {
            DatabaseUnavailable refused =
                    assertThrows(DatabaseUnavailable.class, () -> Server.start(TestServers.embeddedIn(dataDir)));
            assertTrue(
                    refused.getMessage().contains("is in use by another running OpenProfiles process"),
                    refused.getMessage());
            assertEquals(200, new Http(first.uri()).get("/ready").statusCode(), "the running server is untouched");
        }
    }
}
