package org.openprofiles.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded PostgreSQL: data written before a restart is there after it. */
class EmbeddedDatabaseLifecycleTest {

    @TempDir
    Path dataDir;

    @Test
    void dataWrittenBeforeARestartIsThereAfterIt() throws Exception {
        try (Server first = Server.start(TestServers.embeddedIn(dataDir))) {
            assertEquals(200, new Http(first.uri()).get("/ready").statusCode());
            first.database()
                    .jdbi()
                    .useHandle(h ->
                            h.execute("INSERT INTO setting(key, value) VALUES ('restart.check', '\"kept\"'::jsonb)"));
        }
        assertTrue(
                Files.exists(dataDir.resolve("postgres").resolve("PG_VERSION")), "the cluster lives in the data dir");

        try (Server second = Server.start(TestServers.embeddedIn(dataDir))) {
            assertEquals(200, new Http(second.uri()).get("/ready").statusCode());
            String kept = second.database()
                    .jdbi()
                    .withHandle(h -> h.createQuery("SELECT value #>> '{}' FROM setting WHERE key = 'restart.check'")
                            .mapTo(String.class)
                            .one());
            assertEquals("kept", kept);
        }
    }

    @Test
    void readinessFailsWithA503WhenTheDatabaseStopsAnswering() throws Exception {
        try (Server server = Server.start(TestServers.embeddedIn(dataDir))) {
            Http http = new Http(server.uri());
            assertEquals(200, http.get("/ready").statusCode());
            server.stopEmbeddedDatabase();
            var response = http.get("/ready");
            assertEquals(503, response.statusCode());
            assertEquals("{\"status\":\"NOT_READY\",\"database\":\"DOWN\"}", response.body());
            assertEquals(200, http.get("/health").statusCode(), "the process itself is still alive");
        }
    }
}
