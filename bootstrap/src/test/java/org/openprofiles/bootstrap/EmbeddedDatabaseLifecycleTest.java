package org.openprofiles.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.generic.GenericType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded PostgreSQL: durable, data written before a restart is there after it, and so is its cache. */
class EmbeddedDatabaseLifecycleTest {

    @TempDir
    Path dataDir;

    @Test
    void theEmbeddedDatabaseOfAServerStartedAsUsersStartItIsDurable() throws Exception {
        // The settings are given on PostgreSQL's command line at every start: a copied cluster shows them as well.
        TestClusters.copyInto(dataDir);
        try (Server server = Server.start(TestServers.embeddedIn(dataDir))) {
            Map<String, String> settings = server.database()
                    .jdbi()
                    .withHandle(h -> h.createQuery(
                                    "SELECT name, setting FROM pg_settings WHERE name IN "
                                            + "('fsync', 'synchronous_commit', 'full_page_writes', 'max_wal_size', 'shared_buffers')")
                            .setMapKeyColumn("name")
                            .setMapValueColumn("setting")
                            .collectInto(new GenericType<Map<String, String>>() {}));
            // max_wal_size in MB, shared_buffers in pages of 8 kB: sized for bulk imports and the machine.
            assertEquals(
                    Map.of(
                            "fsync",
                            "on",
                            "synchronous_commit",
                            "on",
                            "full_page_writes",
                            "on",
                            "max_wal_size",
                            "4096",
                            "shared_buffers",
                            // in pages of 8 kB
                            Integer.toString(
                                    EmbeddedDatabase.sharedBuffersMb(EmbeddedDatabase.physicalMemoryBytes()) * 128)),
                    settings);
        }
    }

    @Test
    void postgresqlsCacheIsAnEighthOfTheMachineBetween128MbAnd1Gb() {
        long gb = 1024L * 1024 * 1024;
        assertEquals(128, EmbeddedDatabase.sharedBuffersMb(0));
        assertEquals(128, EmbeddedDatabase.sharedBuffersMb(gb / 2));
        assertEquals(256, EmbeddedDatabase.sharedBuffersMb(2 * gb));
        assertEquals(512, EmbeddedDatabase.sharedBuffersMb(4 * gb));
        assertEquals(1024, EmbeddedDatabase.sharedBuffersMb(8 * gb));
        assertEquals(1024, EmbeddedDatabase.sharedBuffersMb(24 * gb));
    }

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
    void aRestartedServerReadsTheDatabaseBackIntoPostgresqlsCacheAfterItStartedServing() throws Exception {
        try (Server first = Server.start(TestServers.embeddedIn(dataDir))) {
            first.database().jdbi().useHandle(h -> {
                h.execute("CREATE TABLE prewarm_check AS SELECT g, repeat('x', 200) AS filler "
                        + "FROM generate_series(1, 20000) g");
                h.execute("CREATE EXTENSION pg_buffercache");
            });
        }

        try (Server second = Server.start(TestServers.embeddedIn(dataDir))) {
            // pg_buffercache looks at the cache without reading the table into it: only the
            // server's own reading after the start can bring its pages back.
            long pages = second.database()
                    .jdbi()
                    .withHandle(h -> h.createQuery("SELECT pg_relation_size('prewarm_check') / 8192")
                            .mapTo(Long.class)
                            .one());
            long deadline = System.nanoTime() + 15_000_000_000L;
            long cached = 0;
            while (cached < pages && System.nanoTime() < deadline) {
                cached = second.database().jdbi().withHandle(h -> cachedPages(h, "prewarm_check"));
                Thread.sleep(50);
            }
            assertEquals(pages, cached, "every page of the table is back in PostgreSQL's cache");
        }
    }

    @Test
    void theMostUsedRelationsAreReadFirstWithinTheBudget() throws Exception {
        try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDir)) {
            Jdbi jdbi = jdbi(database);
            jdbi.useHandle(h -> {
                for (String table : List.of("hot", "cold")) {
                    h.execute("CREATE TABLE " + table + " AS SELECT g, repeat('x', 200) AS filler "
                            + "FROM generate_series(1, 5000) g");
                }
                h.execute("CREATE EXTENSION pg_buffercache");
                for (int i = 0; i < 20; i++) {
                    h.createQuery("SELECT count(*) FROM hot").mapTo(Long.class).one();
                }
            });
        }
        try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDir)) {
            Jdbi jdbi = jdbi(database);
            long hotBytes = jdbi.withHandle(h -> h.createQuery("SELECT pg_relation_size('hot')")
                    .mapTo(Long.class)
                    .one());
            assertEquals(
                    0L,
                    jdbi.<Long, RuntimeException>withHandle(h -> cachedPages(h, "hot")),
                    "a restart empties the cache");

            long read = database.prewarm(hotBytes + hotBytes / 2);

            assertEquals(hotBytes / 8192, read, "only the most used table fits in the budget");
            assertEquals(hotBytes / 8192, jdbi.<Long, RuntimeException>withHandle(h -> cachedPages(h, "hot")));
            assertEquals(0L, jdbi.<Long, RuntimeException>withHandle(h -> cachedPages(h, "cold")));
        }
    }

    @Test
    void aSmallRelationReadOftenPerPageComesBeforeALargeOneReadMoreInAll() throws Exception {
        try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDir)) {
            Jdbi jdbi = jdbi(database);
            jdbi.useHandle(h -> {
                h.execute("CREATE TABLE small AS SELECT g, repeat('x', 200) AS filler FROM generate_series(1, 2000) g");
                h.execute("CREATE TABLE large AS SELECT g, repeat('x', 200) AS filler FROM generate_series(1, 8000) g");
                h.execute("CREATE EXTENSION pg_buffercache");
                // In all, the large table is read twice as much (10 × 4 pages per page of the small
                // table's 20 × 1); per page, the small one twice as much.
                for (int i = 0; i < 20; i++) {
                    h.createQuery("SELECT count(*) FROM small")
                            .mapTo(Long.class)
                            .one();
                }
                for (int i = 0; i < 10; i++) {
                    h.createQuery("SELECT count(*) FROM large")
                            .mapTo(Long.class)
                            .one();
                }
            });
        }
        try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDir)) {
            Jdbi jdbi = jdbi(database);
            long smallBytes = jdbi.withHandle(h -> h.createQuery("SELECT pg_relation_size('small')")
                    .mapTo(Long.class)
                    .one());

            long read = database.prewarm(smallBytes + smallBytes / 2);

            assertEquals(smallBytes / 8192, read, "the small table comes first, and only it fits");
            assertEquals(smallBytes / 8192, jdbi.<Long, RuntimeException>withHandle(h -> cachedPages(h, "small")));
            assertEquals(0L, jdbi.<Long, RuntimeException>withHandle(h -> cachedPages(h, "large")));
        }
    }

    private static Jdbi jdbi(EmbeddedDatabase database) {
        var settings = database.settings(1);
        return Jdbi.create(settings.url(), settings.user(), settings.password());
    }

    private static long cachedPages(Handle h, String table) {
        return h.createQuery("SELECT count(*) FROM pg_buffercache WHERE relfilenode = "
                        + "pg_relation_filenode(CAST(:table AS regclass)) AND relforknumber = 0")
                .bind("table", table)
                .mapTo(Long.class)
                .one();
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

    @Test
    void routesAnswerA503WithRetryAfterWhileTheDatabaseIsDown() throws Exception {
        try (Server server = Server.start(TestServers.embeddedIn(dataDir))) {
            Http http = new Http(server.uri());
            String token = server.firstStart().generatedToken().orElseThrow();
            assertEquals(
                    200,
                    http.get("/admin/v1/users", "Authorization", "Bearer " + token)
                            .statusCode());
            server.stopEmbeddedDatabase();
            for (String path : List.of("/admin/v1/users", "/CertificateManagement/api/v1.0/profiles")) {
                var response = http.get(path, "Authorization", "Bearer " + token);
                assertEquals(503, response.statusCode(), path + ": " + response.body());
                // The vendor's routes answer every error as application/json (docs/api-compatibility.md).
                assertEquals(
                        path.startsWith("/CertificateManagement") ? "application/json" : "application/problem+json",
                        response.headers().firstValue("Content-Type").orElse(""));
                assertTrue(response.headers().firstValue("Retry-After").isPresent(), path);
                assertTrue(response.body().contains("\"service_unavailable\""), response.body());
            }
        }
    }
}
