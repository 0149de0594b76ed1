package org.openprofiles.bootstrap;

import java.time.Clock;
import java.util.Optional;
import org.openprofiles.adapter.jdbc.shared.Database;

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
        database.close();
        embedded.ifPresent(EmbeddedDatabase::close);
    }
}
