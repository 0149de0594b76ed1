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

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
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
            EmbeddedDatabase database = new EmbeddedDatabase(postgres);
            database.createDatabaseIfMissing();
            return database;
        } catch (IOException | RuntimeException e) {
            throw new DatabaseUnavailable(
                    "cannot start the embedded PostgreSQL in " + cluster + ": " + e.getMessage(), e);
        }
    }

    DatabaseSettings settings(int poolSize) {
        return new DatabaseSettings(postgres.getJdbcUrl("postgres", DATABASE), "postgres", "", poolSize);
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new IllegalStateException("could not stop the embedded PostgreSQL", e);
        }
    }

    private void createDatabaseIfMissing() {
        try (Connection connection =
                        DriverManager.getConnection(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "");
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
