package org.openprofiles.bootstrap;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.openprofiles.adapter.jdbc.shared.DatabaseSettings;
import org.openprofiles.adapter.jdbc.shared.DatabaseUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL that runs inside the server when no database URL is configured. Its cluster
 * lives in {@code <data dir>/postgres}; an existing cluster is reused, so data survives restarts.
 * It listens on localhost only and is meant for a single machine: production points
 * {@code PROFILES_DB_URL} at a managed server.
 *
 * <p>It is durable: fsync, synchronous commits and full-page writes are on, so a write the
 * service acknowledged survives a crash of the database, the server or the machine (zonky's
 * builder starts PostgreSQL with {@code -F} and {@code synchronous_commit=off}, right for tests
 * only; the options set here come later on its command line and win). A postmaster that an
 * earlier run left behind (the server was killed with SIGKILL) is stopped before the start, and
 * {@link #restart} brings a crashed one back on the same port.
 *
 * <p>zonky starts it the first time (initdb, extracting the binaries); later starts run the
 * binaries it extracted directly ({@link PostgresBinaries}, {@link Postmaster}), which spares
 * reading the binaries' archive and zonky's 100 ms waits.
 */
final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);

    static final String DATABASE = "openprofiles";

    /** zonky's lock file in the cluster: held by the process that started the cluster, for as long as it runs. */
    static final String OWNER_LOCK = "epg-lock";

    /** How long a postmaster left by an earlier run gets to finish its sessions and stop. */
    static final Duration LEFTOVER_STOP_WAIT = Duration.ofSeconds(30);

    /** How long PostgreSQL may take to start, crash recovery included. */
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(120);

    /**
     * PostgreSQL's settings, given on its command line at every start: localhost only, and
     * durable (zonky's own defaults turn synchronous commits off and add {@code -F}, fsync off,
     * before these; the settings here come later and win). Sized a little above PostgreSQL's
     * defaults for bulk imports: with {@code max_wal_size} 1 GB a checkpoint was requested in the
     * middle of a million-profile import (after about 540 MB of WAL) and every page touched after
     * it was logged in full again; 4 GB lets such an import finish first (WAL on disk may grow to
     * about that much while writes are heavy, and is recycled after the next checkpoint).
     * Together with {@code shared_buffers} of 256 MB: 6–8 % more profiles/s in import-only
     * benchmark pairs (docs/operations.md); {@code shared_buffers} has since grown with the machine
     * ({@link #sharedBuffersMb}).
     */
    static final Map<String, String> SERVER_SETTINGS = Map.of(
            "listen_addresses", "localhost",
            "max_connections", "100",
            "timezone", "UTC",
            "fsync", "on",
            "synchronous_commit", "on",
            "full_page_writes", "on",
            "max_wal_size", "4GB",
            "shared_buffers", sharedBuffersMb(physicalMemoryBytes()) + "MB");

    /**
     * PostgreSQL's own cache for a machine of {@code physicalBytes}: an eighth of it, at least
     * 128 MB (PostgreSQL's default) and at most 1 GB, which holds the whole database of the
     * benchmark's million profiles (about 650 MB). Read into PostgreSQL's shared memory, the pages
     * stay there: the operating system's file cache, which PostgreSQL otherwise relies on, may be
     * small or trimmed by the host (on the benchmark's virtual machine it held about 1.2 GB for
     * everything and shrank by about 5 MB/s), and a page read back from disk costs a stall.
     */
    static int sharedBuffersMb(long physicalBytes) {
        long eighth = physicalBytes / 8 / (1024 * 1024);
        return (int) Math.max(128, Math.min(1024, eighth));
    }

    /** This machine's memory (as the JVM sees it: a container's limit when there is one), 0 when unknown. */
    static long physicalMemoryBytes() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return 0;
    }

    private final Path cluster;
    private final int port;

    /** Present when this process started the cluster (and so stops it); empty when it attached to a running one. */
    private volatile Optional<Postmaster> postgres;

    private volatile boolean closed;

    private EmbeddedDatabase(Path cluster, Optional<Postmaster> postgres, int port) {
        this.cluster = cluster;
        this.postgres = postgres;
        this.port = port;
    }

    /**
     * For command-line tools: uses the cluster a running server already started in
     * {@code dataDir} (found through PostgreSQL's own {@code postmaster.pid}, which names its
     * port), or starts it when no server runs. An attached cluster is left running on close.
     */
    static EmbeddedDatabase attachOrStart(Path dataDir) {
        Path cluster = clusterIn(dataDir);
        Optional<PostmasterPid> running = PostmasterPid.read(cluster).filter(pid -> pid.port() > 0);
        if (running.isPresent()) {
            EmbeddedDatabase attached = new EmbeddedDatabase(
                    cluster, Optional.empty(), running.get().port());
            try (Connection probe = DriverManager.getConnection(attached.url("postgres"), "postgres", "")) {
                probe.isValid(2);
                return attached;
            } catch (SQLException e) {
                // A stale file from a crash: the start below deals with it.
            }
        }
        return start(dataDir);
    }

    /** Starts the cluster in {@code <dataDir>/postgres}, creating it on first use; {@link DatabaseUnavailable} when it cannot. */
    static EmbeddedDatabase start(Path dataDir) {
        return start(dataDir, 0);
    }

    /**
     * {@link #start(Path)} on {@code port} ({@link #freePort()}: the caller knows the database's
     * address before it runs), or on a free port when 0.
     */
    static EmbeddedDatabase start(Path dataDir, int port) {
        Path cluster = clusterIn(dataDir);
        try {
            Files.createDirectories(cluster);
        } catch (IOException e) {
            throw new DatabaseUnavailable("cannot create " + cluster + ": " + e.getMessage(), e);
        }
        stopLeftOver(cluster);
        Postmaster postgres = launch(cluster, port);
        EmbeddedDatabase database = new EmbeddedDatabase(cluster, Optional.of(postgres), postgres.port());
        database.createDatabaseIfMissing();
        return database;
    }

    private static Path clusterIn(Path dataDir) {
        return dataDir.toAbsolutePath().normalize().resolve("postgres");
    }

    /**
     * Starts PostgreSQL on {@code cluster}: from the binaries it was last started with when they
     * are still there ({@link PostgresBinaries#remembered}), else, and when that fails, through
     * zonky, which finds (or extracts) the binaries and runs initdb on a new cluster.
     */
    private static Postmaster launch(Path cluster, int port) {
        Optional<PostgresBinaries.Known> known = Files.isRegularFile(cluster.resolve("postgresql.conf"))
                ? PostgresBinaries.remembered(cluster)
                : Optional.empty();
        if (known.isPresent()) {
            try {
                return Postmaster.start(known.get(), cluster, port, SERVER_SETTINGS, STARTUP_WAIT);
            } catch (Postmaster.DidNotStart e) {
                LOG.warn(
                        "the embedded PostgreSQL did not start from {} ({}); trying through zonky",
                        known.get().directory(),
                        e.getMessage());
                PostgresBinaries.forget(cluster);
            } catch (RuntimeException e) {
                throw new DatabaseUnavailable(
                        "cannot start the embedded PostgreSQL in " + cluster + ": " + e.getMessage(), e);
            }
        }
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(cluster)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setPgBinaryResolver(PostgresBinaries.RESOLVER)
                    .setPort(port)
                    .setPGStartupWait(STARTUP_WAIT);
            SERVER_SETTINGS.forEach(builder::setServerConfig);
            Postmaster started = Postmaster.zonky(builder.start());
            PostgresBinaries.remember(cluster);
            return started;
        } catch (IOException | RuntimeException e) {
            throw new DatabaseUnavailable(
                    "cannot start the embedded PostgreSQL in " + cluster + ": " + e.getMessage(), e);
        }
    }

    /**
     * Stops a postmaster that still serves {@code cluster} although no process owns it any more:
     * what kill -9 of a server (or a tool) leaves behind, since PostgreSQL runs as its own
     * process. It gets a smart shutdown (sessions may finish; the dead server's connections are
     * gone already) and {@link #LEFTOVER_STOP_WAIT} to exit. When another live process owns the
     * cluster, or the postmaster does not stop, the start fails saying so in one line.
     */
    static void stopLeftOver(Path cluster) {
        Optional<PostmasterPid> left = PostmasterPid.read(cluster);
        if (left.isEmpty() || left.get().process().isEmpty()) {
            // No file, or one naming a dead process: PostgreSQL removes a stale file itself.
            return;
        }
        PostmasterPid pid = left.get();
        checkNoLiveOwner(cluster, pid);
        if (!pid.isPostgres()) {
            // The id belongs to another program now (ids are reused after a reboot or in a new
            // container); PostgreSQL would refuse to start while that program runs.
            try {
                Files.deleteIfExists(cluster.resolve(PostmasterPid.FILE));
                LOG.warn(
                        "removed a stale {} naming process {}, which is not PostgreSQL", PostmasterPid.FILE, pid.pid());
            } catch (IOException e) {
                throw new DatabaseUnavailable(
                        "cannot remove the stale " + cluster.resolve(PostmasterPid.FILE) + ": " + e.getMessage(), e);
            }
            return;
        }
        LOG.warn(
                "the embedded PostgreSQL of an earlier run (pid {}) still serves {}; stopping it before the start",
                pid.pid(),
                cluster);
        ProcessHandle process = pid.process().get();
        process.destroy();
        try {
            process.onExit().get(LEFTOVER_STOP_WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new DatabaseUnavailable(
                    "the PostgreSQL an earlier run left serving " + cluster + " (pid " + pid.pid()
                            + ") did not stop within " + LEFTOVER_STOP_WAIT.toSeconds()
                            + " s because sessions are still connected to it; end them (or run kill -INT "
                            + pid.pid() + ") and start again",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DatabaseUnavailable("interrupted while stopping PostgreSQL pid " + pid.pid(), e);
        } catch (ExecutionException e) {
            throw new DatabaseUnavailable("cannot wait for PostgreSQL pid " + pid.pid() + " to stop", e);
        }
    }

    /** Refuses when a live process (a server, or a tool that started the cluster) holds zonky's lock file. */
    private static void checkNoLiveOwner(Path cluster, PostmasterPid pid) {
        boolean owned;
        try (FileChannel channel =
                FileChannel.open(cluster.resolve(OWNER_LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            owned = lock == null;
            if (lock != null) {
                lock.release();
            }
        } catch (OverlappingFileLockException e) {
            owned = true;
        } catch (IOException e) {
            throw new DatabaseUnavailable("cannot check " + cluster.resolve(OWNER_LOCK) + ": " + e.getMessage(), e);
        }
        if (owned) {
            throw new DatabaseUnavailable(
                    "the data directory " + cluster.getParent() + " is in use by another running OpenProfiles "
                            + "process (it holds " + cluster.resolve(OWNER_LOCK) + "; its PostgreSQL is pid "
                            + pid.pid() + "); stop it first or use another --data-dir",
                    null);
        }
    }

    DatabaseSettings settings(int poolSize) {
        return settings(port, poolSize);
    }

    /** How the server connects to the embedded database listening on {@code port}. */
    static DatabaseSettings settings(int port, int poolSize) {
        return new DatabaseSettings(url(port, DATABASE), "postgres", "", poolSize);
    }

    /** A port nothing listens on now, for PostgreSQL to listen on (as zonky chooses one). */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new DatabaseUnavailable("cannot find a free port for the embedded PostgreSQL: " + e.getMessage(), e);
        }
    }

    /** True when this process started the cluster; false when it attached to a running server's. */
    boolean owned() {
        return postgres.isPresent();
    }

    /** The cluster directory ({@code <data dir>/postgres}). */
    Path cluster() {
        return cluster;
    }

    /** True once {@link #close} was called: the database was stopped on purpose. */
    boolean closed() {
        return closed;
    }

    /** True while the cluster's postmaster process runs. */
    boolean running() {
        return PostmasterPid.read(cluster).flatMap(PostmasterPid::process).isPresent();
    }

    /**
     * Starts the cluster again on the same port after its postmaster died, so that the pool's
     * URL stays right; PostgreSQL replays its write-ahead log first. Throws
     * {@link DatabaseUnavailable} when it cannot start (yet); the caller tries again later.
     */
    synchronized void restart() {
        if (closed || postgres.isEmpty()) {
            return;
        }
        stopQuietly(postgres.get());
        stopLeftOver(cluster);
        postgres = Optional.of(launch(cluster, port));
    }

    private String url(String database) {
        return url(port, database);
    }

    private static String url(int port, String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (postgres.isPresent()) {
            stopQuietly(postgres.get());
            if (running()) {
                LOG.warn("the embedded PostgreSQL serving {} did not stop", cluster);
            }
        }
    }

    /**
     * Stops PostgreSQL (fast shutdown) and releases the owner lock. zonky logs its own failure to
     * stop a postmaster that is already gone; this checks the outcome itself instead.
     */
    private static void stopQuietly(Postmaster postgres) {
        try {
            postgres.stop();
        } catch (IOException e) {
            LOG.warn("could not stop the embedded PostgreSQL: {}", e.getMessage());
        }
    }

    /**
     * Reads the database's tables and indexes into PostgreSQL's cache, the most used per page first
     * (by PostgreSQL's own statistics, which a clean stop keeps: the small indexes and tables every
     * request reads come before the large tables whose pages each request touches a few of), until
     * three quarters of the cache are filled; returns the pages read. The server calls it on a
     * thread of its own after it started serving. Why: {@code shared_buffers} is sized to hold the
     * database, so the file cache's copy of a page is read once and then left untouched, and a host may reclaim
     * untouched file pages (the benchmark's virtual machine does, after about a minute): a
     * restarted server met an empty cache and a cold disk, each read of its first minutes a wait
     * for the disk. Read here relation by relation in file order, the database is back in seconds.
     * Not at PostgreSQL's start (its autoprewarm does that): the JVM reads its own classes then,
     * and sharing the disk with it cost the start 0.9 s (docs/operations.md).
     *
     * <p>{@code pg_prewarm}'s C function is declared for this session only ({@code pg_temp}), so
     * that the database's catalog and its backups get no extension from it.
     */
    long prewarm() {
        return prewarm(Long.MAX_VALUE);
    }

    /** {@link #prewarm()} within at most {@code budgetBytes} (and three quarters of the cache). */
    long prewarm(long budgetBytes) {
        try (Connection connection = settings(1).connect("openprofiles cache reading");
                Statement declare = connection.createStatement();
                PreparedStatement read = connection.prepareStatement(PREWARM)) {
            declare.execute("CREATE FUNCTION pg_temp.prewarm(regclass, text, text, int8, int8) RETURNS int8"
                    + " AS '$libdir/pg_prewarm', 'pg_prewarm' LANGUAGE C");
            read.setLong(1, budgetBytes);
            try (ResultSet pages = read.executeQuery()) {
                pages.next();
                return pages.getLong(1);
            }
        } catch (SQLException e) {
            throw new DatabaseUnavailable("cannot read the database into PostgreSQL's cache: " + e.getMessage(), e);
        }
    }

    /**
     * The database's relations into the cache, the most used per page first, while they fit in the
     * budget and in three quarters of the cache. Not PostgreSQL's own (its first statements read
     * them anyway): everything initdb made, the catalog, {@code information_schema} and their TOAST
     * tables and indexes, has an oid below 16384, PostgreSQL's first oid for a database's own
     * objects; a filter on the schema's name let the catalog's TOAST relations through. Per page
     * rather than in all: the most used relation in all is the largest table, read by every request
     * a few pages at a time, and reading it first (a fifth of the database, seconds on a slow disk)
     * left the indexes every request descends for later.
     */
    private static final String PREWARM = """
            WITH relation AS (
                SELECT c.oid, pg_relation_size(c.oid) AS bytes,
                       COALESCE(t.heap_blks_hit + t.heap_blks_read, i.idx_blks_hit + i.idx_blks_read, 0) AS used
                  FROM pg_class c
                  LEFT JOIN pg_statio_all_tables t ON t.relid = c.oid
                  LEFT JOIN pg_statio_all_indexes i ON i.indexrelid = c.oid
                 WHERE c.relkind IN ('r', 'i', 't', 'm') AND c.relpersistence = 'p' AND c.oid >= 16384
            ), ranked AS (
                SELECT oid, sum(bytes) OVER (ORDER BY used::float8 / bytes DESC, oid) AS running
                  FROM relation
                 WHERE bytes > 0
            )
            SELECT COALESCE(sum(pg_temp.prewarm(oid, 'buffer', 'main', NULL, NULL)), 0)
              FROM ranked
             WHERE running <= LEAST(?, pg_size_bytes(current_setting('shared_buffers')) * 3 / 4)
            """;

    private void createDatabaseIfMissing() {
        try (Connection connection = DriverManager.getConnection(url("postgres"), "postgres", "");
                PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, DATABASE);
            try (ResultSet row = exists.executeQuery()) {
                if (!row.next()) {
                    try (Statement create = connection.createStatement()) {
                        create.execute("CREATE DATABASE " + DATABASE);
                    }
                }
            }
        } catch (SQLException e) {
            throw new DatabaseUnavailable("cannot create the embedded database: " + e.getMessage(), e);
        }
    }
}
