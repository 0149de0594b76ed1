package org.openprofiles.bootstrap;

import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import org.openprofiles.adapter.jdbc.shared.Database;
import org.openprofiles.adapter.jdbc.shared.DatabaseSettings;
import org.openprofiles.adapter.rest.shared.RestApplication;
import org.openprofiles.adapter.rest.shared.RestServer;
import org.openprofiles.application.security.EnsureAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running OpenProfiles: database (embedded or external), migrated schema, HTTP server.
 * {@link #start} brings them up in that order and {@link #close} takes them down in reverse, so
 * no request is accepted before the schema is current and none is cut off by a closed pool.
 */
public final class Server implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Server.class);

    private final Config config;
    private final Optional<EmbeddedDatabase> embedded;
    private final Database database;
    private final RestServer http;
    private final EnsureAdmin.Outcome firstStart;

    private Server(
            Config config,
            Optional<EmbeddedDatabase> embedded,
            Database database,
            RestServer http,
            EnsureAdmin.Outcome firstStart) {
        this.config = config;
        this.embedded = embedded;
        this.database = database;
        this.http = http;
        this.firstStart = firstStart;
    }

    /** Starts everything or nothing: a failure part-way stops what had started. */
    public static Server start(Config config) {
        // Jersey's classes load while the database starts (each would otherwise wait for the other).
        RestApplication.warmUpInBackground();
        Optional<EmbeddedDatabase> embedded =
                config.dbUrl().isEmpty() ? Optional.of(EmbeddedDatabase.start(config.dataDir())) : Optional.empty();
        Database database = null;
        try {
            database = Database.open(databaseSettings(config, embedded));
            Wiring wiring = new Wiring(config, database, Clock.systemUTC());
            // Bind (and load the TLS keys) before the first-start admin exists: a start that fails
            // here leaves no admin behind whose only token nobody saw; the next start creates it.
            RestServer http = RestServer.start(
                    config.httpHost(),
                    config.httpPort(),
                    config.tls(),
                    config.publicBaseUrl(),
                    RestApplication.of(wiring.restComponents()));
            try {
                // The last step that can fail; the caller prints a generated token right after it.
                EnsureAdmin.Outcome firstStart = wiring.ensureAdmin().ensure(config.adminToken());
                return new Server(config, embedded, database, http, firstStart);
            } catch (RuntimeException e) {
                http.stop(java.time.Duration.ZERO);
                throw e;
            }
        } catch (RuntimeException e) {
            if (database != null) {
                database.close();
            }
            embedded.ifPresent(EmbeddedDatabase::close);
            throw e;
        }
    }

    /** The embedded database's settings when there is one, else the configured external database's. */
    static DatabaseSettings databaseSettings(Config config, Optional<EmbeddedDatabase> embedded) {
        return embedded.map(e -> e.settings(config.dbPoolSize()))
                .orElseGet(() -> new DatabaseSettings(
                        config.dbUrl().orElseThrow(), config.dbUser(), config.dbPassword(), config.dbPoolSize()));
    }

    /** Where clients reach this server. */
    public URI uri() {
        return http.uri();
    }

    /** What first start did: whether it created the admin, and the generated token to show once. */
    public EnsureAdmin.Outcome firstStart() {
        return firstStart;
    }

    /** The database this server uses: for tests and tools in this module. */
    Database database() {
        return database;
    }

    /** Stops the embedded database only (tests use it to see readiness fail). */
    void stopEmbeddedDatabase() {
        embedded.ifPresent(EmbeddedDatabase::close);
    }

    /** Stops accepting, lets requests in flight finish (bounded), closes the pool and the database. */
    @Override
    public void close() {
        LOG.info("stopping: waiting up to {} for requests in flight", config.shutdownGrace());
        http.stop(config.shutdownGrace());
        database.close();
        embedded.ifPresent(EmbeddedDatabase::close);
        LOG.info("stopped");
    }
}
