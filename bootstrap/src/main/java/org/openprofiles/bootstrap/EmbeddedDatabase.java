package org.openprofiles.bootstrap;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import org.openprofiles.adapter.jdbc.shared.DatabaseSettings;
import org.openprofiles.adapter.jdbc.shared.DatabaseUnavailable;

/**
 * The PostgreSQL that runs inside the server when no database URL is configured. Its cluster
 * lives in {@code <data dir>/postgres}; an existing cluster is reused, so data survives restarts.
 * It listens on localhost only and is meant for a single machine: production points
 * {@code PROFILES_DB_URL} at a managed server.
 */
final class EmbeddedDatabase implements AutoCloseable {

    static final String DATABASE = "openprofiles";

    /** Present when this process started the cluster (and so stops it); empty when it attached to a running one. */
    private final Optional<EmbeddedPostgres> postgres;

    private final int port;

    private EmbeddedDatabase(Optional<EmbeddedPostgres> postgres, int port) {
        this.postgres = postgres;
        this.port = port;
    }

    /**
     * For command-line tools: uses the cluster a running server already started in
     * {@code dataDir} (found through PostgreSQL's own {@code postmaster.pid}, which names its
     * port), or starts it when no server runs. An attached cluster is left running on close.
     */
    static EmbeddedDatabase attachOrStart(Path dataDir) {
        Path pidFile = dataDir.toAbsolutePath().normalize().resolve("postgres").resolve("postmaster.pid");
        if (Files.exists(pidFile)) {
            try {
                List<String> lines = Files.readAllLines(pidFile);
                if (lines.size() >= 4) {
                    int port = Integer.parseInt(lines.get(3).strip());
                    EmbeddedDatabase attached = new EmbeddedDatabase(Optional.empty(), port);
                    try (Connection probe = DriverManager.getConnection(attached.url("postgres"), "postgres", "")) {
                        probe.isValid(2);
                        return attached;
                    }
                }
            } catch (IOException | NumberFormatException | SQLException e) {
                // A stale file from a crash: PostgreSQL itself cleans it up when it starts below.
            }
        }
        return start(dataDir);
    }

    static EmbeddedDatabase start(Path dataDir) {
        Path cluster = dataDir.toAbsolutePath().normalize().resolve("postgres");
        try {
            Files.createDirectories(cluster);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(cluster)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setServerConfig("listen_addresses", "localhost")
                    .setServerConfig("max_connections", "100")
                    .start();
            EmbeddedDatabase database = new EmbeddedDatabase(Optional.of(postgres), postgres.getPort());
            database.createDatabaseIfMissing();
            return database;
        } catch (IOException | RuntimeException e) {
            throw new DatabaseUnavailable(
                    "cannot start the embedded PostgreSQL in " + cluster + ": " + e.getMessage(), e);
        }
    }

    DatabaseSettings settings(int poolSize) {
        return new DatabaseSettings(url(DATABASE), "postgres", "", poolSize);
    }

    /** True when this process started the cluster; false when it attached to a running server's. */
    boolean owned() {
        return postgres.isPresent();
    }

    private String url(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    @Override
    public void close() {
        if (postgres.isEmpty()) {
            return;
        }
        try {
            postgres.get().close();
        } catch (IOException e) {
            throw new IllegalStateException("could not stop the embedded PostgreSQL", e);
        }
    }

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
