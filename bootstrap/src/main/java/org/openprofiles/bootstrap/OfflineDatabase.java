package org.openprofiles.bootstrap;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;
import javax.sql.DataSource;
import org.openprofiles.adapter.jdbc.shared.Database;
import org.openprofiles.adapter.jdbc.shared.DatabaseSettings;
import org.openprofiles.adapter.jdbc.shared.DatabaseUnavailable;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The database as the command-line tools reach it without a running server: the external one, or
 * the embedded cluster in the data directory (attached to when a server already runs it, else
 * started for the command and stopped after it). Opening migrates the schema, like a start.
 */
final class OfflineDatabase implements AutoCloseable {

    private final Optional<EmbeddedDatabase> embedded;
    private final Database database;
    private final Wiring wiring;

    private OfflineDatabase(Optional<EmbeddedDatabase> embedded, Database database, Wiring wiring) {
        this.embedded = embedded;
        this.database = database;
        this.wiring = wiring;
    }

    /** The database's address without opening the pool or migrating: for backup and restore. */
    record Unopened(Optional<EmbeddedDatabase> embedded, DatabaseSettings settings) implements AutoCloseable {

        static Unopened of(Config config) {
            Optional<EmbeddedDatabase> embedded = config.dbUrl().isEmpty()
                    ? Optional.of(EmbeddedDatabase.attachOrStart(config.dataDir()))
                    : Optional.empty();
            return new Unopened(embedded, Server.databaseSettings(config, embedded));
        }

        /** A plain connection (no pool); failures are one clear line. */
        Connection connect() {
            try {
                return DriverManager.getConnection(settings.url(), settings.user(), settings.password());
            } catch (SQLException e) {
                throw new DatabaseUnavailable(
                        "cannot connect to the database at " + settings.url() + ": " + e.getMessage(), e);
            }
        }

        DataSource dataSource() {
            PGSimpleDataSource dataSource = new PGSimpleDataSource();
            dataSource.setUrl(settings.url());
            dataSource.setUser(settings.user());
            dataSource.setPassword(settings.password());
            return dataSource;
        }

        @Override
        public void close() {
            embedded.ifPresent(EmbeddedDatabase::close);
        }
    }

    static OfflineDatabase open(Config config) {
        Optional<EmbeddedDatabase> embedded = config.dbUrl().isEmpty()
                ? Optional.of(EmbeddedDatabase.attachOrStart(config.dataDir()))
                : Optional.empty();
        try {
            Database database = Database.open(Server.databaseSettings(config, embedded));
            return new OfflineDatabase(embedded, database, new Wiring(config, database, Clock.systemUTC()));
        } catch (RuntimeException e) {
            embedded.ifPresent(EmbeddedDatabase::close);
            throw e;
        }
    }

    Database database() {
        return database;
    }

    Wiring wiring() {
        return wiring;
    }

    @Override
    public void close() {
        wiring.close();
        database.close();
        embedded.ifPresent(EmbeddedDatabase::close);
    }
}
