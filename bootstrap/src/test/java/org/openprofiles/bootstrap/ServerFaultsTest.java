package org.openprofiles.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults, with the server as users run it (a JVM of its own): the embedded database killed under
 * writers loses no acknowledged write and is brought back by the server; the server killed with
 * SIGKILL in the middle of an import and of other requests starts again, and each write is there
 * whole or not at all; an external database stopped and started under load is answered 503 with
 * {@code Retry-After} meanwhile, never 500, and the service recovers by itself.
 */
class ServerFaultsTest {

    private static final String TOKEN = TestServers.ADMIN_TOKEN;
    private static final String[] ADMIN = {"Authorization", "Bearer " + TOKEN};

    @TempDir
    Path dataDir;

    /** The settings of a server on the embedded database in {@code dataDir}, which holds a fresh cluster. */
    private static Map<String, String> embeddedIn(Path dataDir) {
        if (!java.nio.file.Files.exists(dataDir.resolve("postgres"))) {
            TestClusters.copyInto(dataDir);
        }
        return settings("PROFILES_DATA_DIR", dataDir.toString());
    }

    /** A child server's settings: a free port, the test admin token, a short grace, and {@code name = value}. */
    private static Map<String, String> settings(String name, String value) {
        return Map.of(
                name,
                value,
                "PROFILES_HTTP_PORT",
                "0",
                "PROFILES_ADMIN_TOKEN",
                TOKEN,
                "PROFILES_SHUTDOWN_GRACE_SECONDS",
                "2");
    }

    /** Writers creating access profiles until stopped; remembers which ones the server acknowledged. */
    private static final class Writers implements AutoCloseable {
        final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        final List<String> unexpected = new CopyOnWriteArrayList<>();
        final Set<Integer> statuses = ConcurrentHashMap.newKeySet();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final ExecutorService threads;

        Writers(URI server, String prefix, int count) {
            Http http = new Http(server);
            threads = Executors.newFixedThreadPool(count);
            for (int t = 0; t < count; t++) {
                int writer = t;
                threads.submit(() -> {
                    for (int i = 0; running.get(); i++) {
                        String name = prefix + "-" + writer + "-" + i;
                        try {
                            HttpResponse<String> saved = http.post(
                                    "/api/v1/Profiles/CreateUpdate", "{\"name\":\"" + name + "\",\"color\":1}", ADMIN);
                            statuses.add(saved.statusCode());
                            if (saved.statusCode() == 201) {
                                acknowledged.add(name);
                            } else if (saved.statusCode() != 503
                                    || saved.headers().firstValue("Retry-After").isEmpty()) {
                                unexpected.add(saved.statusCode() + " " + saved.body());
                            }
                        } catch (RuntimeException e) {
                            // The server itself went away (killed): no answer is no acknowledgement.
                            sleep(50);
                        }
                    }
                });
            }
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            threads.shutdown();
            threads.awaitTermination(60, TimeUnit.SECONDS);
        }
    }

    @Test
    void aKilledEmbeddedDatabaseLosesNoAcknowledgedWriteAndTheServerBringsItBack() throws Exception {
        try (ChildServer server = ChildServer.start(embeddedIn(dataDir))) {
            Http http = new Http(server.uri());
            Writers writers = new Writers(server.uri(), "db-crash", 4);
            try {
                waitUntil(() -> writers.acknowledged.size() >= 20, "writes are going on");
                PostmasterPid before =
                        PostmasterPid.read(dataDir.resolve("postgres")).orElseThrow();
                ProcessHandle postmaster = before.process().orElseThrow();
                postmaster.destroyForcibly();
                postmaster.onExit().get(30, TimeUnit.SECONDS);
                int acknowledgedAtTheCrash = writers.acknowledged.size();
                waitUntil(() -> http.get("/ready").statusCode() == 200, "the database is back:\n" + server.output());
                waitUntil(() -> writers.acknowledged.size() > acknowledgedAtTheCrash + 10, "writes succeed again");
                assertNotEquals(
                        before.pid(),
                        PostmasterPid.read(dataDir.resolve("postgres"))
                                .orElseThrow()
                                .pid());
            } finally {
                writers.close();
            }
            assertTrue(writers.unexpected.isEmpty(), "only 201 or 503 + Retry-After: " + writers.unexpected);
            Set<String> stored = profileNames(dataDir, "db-crash-");
            Set<String> lost = new HashSet<>(writers.acknowledged);
            lost.removeAll(stored);
            assertTrue(lost.isEmpty(), lost.size() + " acknowledged writes lost: " + lost);
            assertEquals(stored.size(), createEvents(dataDir, "db-crash-"), "each profile with its audit event");
        }
    }

    @Test
    void aServerKilledMidImportAndMidRequestStartsAgainWithEveryWriteWholeOrAbsent() throws Exception {
        Set<String> acknowledged;
        String importPrefix = "fault-import-" + UUID.randomUUID().toString().substring(0, 8);
        long postmasterOfTheKilledRun;
        try (ChildServer first = ChildServer.start(embeddedIn(dataDir))) {
            Writers writers = new Writers(first.uri(), "server-crash", 3);
            waitUntil(() -> writers.acknowledged.size() >= 10, "writes are going on");
            StringBuilder groups = new StringBuilder("[");
            for (int i = 0; i < 10_000; i++) {
                groups.append(i == 0 ? "" : ",")
                        .append("{\"id\":\"")
                        .append(UUID.randomUUID())
                        .append("\",\"name\":\"")
                        .append(importPrefix)
                        .append('-')
                        .append(i)
                        .append("\"}");
            }
            Http http = new Http(first.uri());
            CompletableFuture<HttpResponse<String>> importing = CompletableFuture.supplyAsync(() ->
                    http.post("/admin/v1/directory/groups", groups.append(']').toString(), ADMIN));
            // Kill while the import's transaction has written rows, when that can be seen in time.
            boolean midTransaction = awaitImportWriting(dataDir, importing);
            System.out.println(
                    "killed the server " + (midTransaction ? "inside" : "outside") + " the import's transaction");
            postmasterOfTheKilledRun = PostmasterPid.read(dataDir.resolve("postgres"))
                    .orElseThrow()
                    .pid();
            first.kill();
            writers.close();
            acknowledged = writers.acknowledged;
            assertTrue(
                    ProcessHandle.of(postmasterOfTheKilledRun)
                            .map(ProcessHandle::isAlive)
                            .orElse(false),
                    "the killed server's PostgreSQL is still running: the case a restart must handle");
            importing.handle((response, failure) -> null).get(60, TimeUnit.SECONDS);
        }
        try (ChildServer second = ChildServer.start(embeddedIn(dataDir))) {
            assertEquals(200, new Http(second.uri()).get("/ready").statusCode());
            assertTrue(
                    ProcessHandle.of(postmasterOfTheKilledRun).isEmpty()
                            || !ProcessHandle.of(postmasterOfTheKilledRun).get().isAlive(),
                    "the left-over PostgreSQL was stopped");
            long imported =
                    count(dataDir, "SELECT count(*) FROM directory_group WHERE name LIKE '" + importPrefix + "-%'");
            long importEvents =
                    count(dataDir, "SELECT count(*) FROM audit_event WHERE action = 'directory.import-groups'");
            assertTrue(imported == 0 || imported == 10_000, "the import is all or nothing: " + imported + " groups");
            assertEquals(imported == 0 ? 0 : 1, importEvents, "its audit event with it");
            Set<String> stored = profileNames(dataDir, "server-crash-");
            assertTrue(stored.containsAll(acknowledged), "every acknowledged write survived the crash");
            assertEquals(stored.size(), createEvents(dataDir, "server-crash-"), "each profile with its audit event");
        }
    }

    @Test
    void aDatabaseStoppedAndStartedUnderLoadIsAnswered503ThenTheServiceRecovers(@TempDir Path cluster)
            throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        EmbeddedPostgres database = external(cluster, port);
        Map<String, String> env = settings("PROFILES_DB_URL", "jdbc:postgresql://localhost:" + port + "/postgres");
        try (ChildServer server = ChildServer.start(env)) {
            Http http = new Http(server.uri());
            Writers writers = new Writers(server.uri(), "db-stop", 3);
            List<Integer> readyDuringOutage = new ArrayList<>();
            try {
                waitUntil(() -> writers.acknowledged.size() >= 10, "writes are going on");
                database.close();
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(8);
                while (System.nanoTime() < until) {
                    readyDuringOutage.add(http.get("/ready").statusCode());
                    HttpResponse<String> read = http.get("/api/v1/Profiles", ADMIN);
                    assertTrue(read.statusCode() == 503, "a read while the database is stopped: " + read.body());
                    assertTrue(read.headers().firstValue("Retry-After").isPresent());
                    assertEquals(
                            "application/problem+json",
                            read.headers().firstValue("Content-Type").orElse(""));
                }
                database = external(cluster, port);
                waitUntil(() -> http.get("/ready").statusCode() == 200, "ready again");
                int before = writers.acknowledged.size();
                waitUntil(() -> writers.acknowledged.size() > before + 5, "writes succeed again");
            } finally {
                writers.close();
            }
            assertTrue(
                    readyDuringOutage.stream().allMatch(s -> s == 503),
                    "/ready during the outage: " + readyDuringOutage);
            assertTrue(writers.statuses.contains(503), "writes during the outage were answered 503");
            assertTrue(
                    writers.unexpected.isEmpty(),
                    "only 201 or 503 + Retry-After: " + writers.unexpected + "\nserver output:\n" + server.output());
            try (Connection connection = DriverManager.getConnection(
                            "jdbc:postgresql://localhost:" + port + "/postgres", "postgres", "");
                    Statement statement = connection.createStatement();
                    ResultSet rows =
                            statement.executeQuery("SELECT name FROM access_profile WHERE name LIKE 'db-stop-%'")) {
                Set<String> stored = new HashSet<>();
                while (rows.next()) {
                    stored.add(rows.getString(1));
                }
                assertTrue(stored.containsAll(writers.acknowledged), "no acknowledged write lost");
            }
        } finally {
            database.close();
        }
    }

    /** Polls the database until a transaction writing directory groups is open; false when the import ended first. */
    private static boolean awaitImportWriting(Path dataDir, CompletableFuture<?> importing) throws SQLException {
        try (Connection connection = embedded(dataDir);
                Statement statement = connection.createStatement()) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!importing.isDone() && System.nanoTime() < deadline) {
                try (ResultSet row = statement.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE"
                        + " backend_xid IS NOT NULL AND query ILIKE '%directory_group%'")) {
                    row.next();
                    if (row.getLong(1) > 0) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    /** A PostgreSQL the test owns and stops, standing for an external database. */
    private static EmbeddedPostgres external(Path cluster, int port) throws java.io.IOException {
        return EmbeddedPostgres.builder()
                .setDataDirectory(cluster)
                .setCleanDataDirectory(false)
                .setPort(port)
                .start();
    }

    private static Set<String> profileNames(Path dataDir, String prefix) throws SQLException {
        Set<String> names = new HashSet<>();
        try (Connection connection = embedded(dataDir);
                Statement statement = connection.createStatement();
                ResultSet rows =
                        statement.executeQuery("SELECT name FROM access_profile WHERE name LIKE '" + prefix + "%'")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }

    private static long createEvents(Path dataDir, String prefix) throws SQLException {
        return count(
                dataDir,
                "SELECT count(*) FROM audit_event e JOIN access_profile p ON e.object_id = p.id::text"
                        + " WHERE e.action = 'access-profile.create' AND p.name LIKE '" + prefix + "%'");
    }

    private static long count(Path dataDir, String sql) throws SQLException {
        try (Connection connection = embedded(dataDir);
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    /** The running embedded cluster of {@code dataDir}, attached to as the command-line tools attach. */
    private static Connection embedded(Path dataDir) throws SQLException {
        int port = PostmasterPid.read(dataDir.resolve("postgres")).orElseThrow().port();
        return DriverManager.getConnection(
                "jdbc:postgresql://localhost:" + port + "/" + EmbeddedDatabase.DATABASE, "postgres", "");
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            sleep(100);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
