package org.openprofiles.bootstrap;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.glassfish.jersey.server.model.ResourceModel;
import org.openprofiles.adapter.ca.EmbeddedCaSettings;
import org.openprofiles.adapter.ca.EmbeddedCertificateAuthority;
import org.openprofiles.adapter.jdbc.shared.Database;
import org.openprofiles.adapter.jdbc.shared.DatabaseSettings;
import org.openprofiles.adapter.metrics.shared.PrometheusMetrics;
import org.openprofiles.adapter.rest.shared.RequestIntake;
import org.openprofiles.adapter.rest.shared.RestApplication;
import org.openprofiles.adapter.rest.shared.RestServer;
import org.openprofiles.application.security.EnsureAdmin;
import org.openprofiles.domain.certificate.pki.CertificateAuthorityUnavailable;
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
    private final RequestIntake intake;
    private final EnsureAdmin.Outcome firstStart;
    private final Wiring wiring;
    private final Optional<EmbeddedDatabaseWatchdog> watchdog;
    private volatile CompletableFuture<?> certificateAuthority = CompletableFuture.completedFuture(null);

    private Server(
            Config config,
            Optional<EmbeddedDatabase> embedded,
            Database database,
            RestServer http,
            EnsureAdmin.Outcome firstStart,
            Wiring wiring,
            RequestIntake intake) {
        this.config = config;
        this.embedded = embedded;
        this.database = database;
        this.http = http;
        this.intake = intake;
        this.firstStart = firstStart;
        this.wiring = wiring;
        this.watchdog = embedded.map(e -> EmbeddedDatabaseWatchdog.watch(e, Duration.ofSeconds(1)));
    }

    /** Starts everything or nothing: a failure part-way stops what had started. */
    public static Server start(Config config) {
        StartPhases phases = new StartPhases();
        // Jersey's classes load while the database starts (each would otherwise wait for the other),
        // and so does the metrics registry with the JVM's own meters.
        RestApplication.warmUpInBackground();
        CompletableFuture<Optional<PrometheusMetrics>> metrics = config.metrics()
                ? phases.inBackground("metrics", () -> Optional.of(new PrometheusMetrics()))
                : CompletableFuture.completedFuture(Optional.empty());
        // The embedded PostgreSQL starts on a thread of its own, on a port chosen now.
        Optional<Integer> embeddedPort =
                config.dbUrl().isEmpty() ? Optional.of(EmbeddedDatabase.freePort()) : Optional.empty();
        CompletableFuture<Optional<EmbeddedDatabase>> starting = embeddedPort
                .map(port -> phases.inBackground(
                        "embedded PostgreSQL", () -> Optional.of(EmbeddedDatabase.start(config.dataDir(), port))))
                .orElseGet(() -> CompletableFuture.completedFuture(Optional.empty()));
        Database database;
        try {
            database = phases.time(
                    "database set-up",
                    () -> Database.prepare(embeddedPort
                            .map(port -> EmbeddedDatabase.settings(port, config.dbPoolSize()))
                            .orElseGet(() -> externalDatabase(config))));
        } catch (RuntimeException e) {
            stopEmbedded(starting, e);
            throw e;
        }
        // Another thread waits for the database, opens it (connects, checks the schema) and reads
        // the cursor key, while this one wires the service and builds its HTTP application;
        // nothing queries the database before it is open (Database refuses).
        CompletableFuture<Void> opening = phases.onThread("database", () -> {
            joined(starting);
            phases.time("database", (Runnable) database::open);
            // A list request must not be the one that loads the cursor key (it may hold the pool's
            // last connection).
            phases.time("cursor key", (Runnable) database::loadCursors);
        });
        Wiring wiring = null;
        RestServer.Prepared application = null;
        RestServer http = null;
        try {
            wiring = phases.time("wiring", () -> new Wiring(config, database, Clock.systemUTC(), joined(metrics)));
            Wiring wired = wiring;
            RequestIntake intake = wiring.requestIntake();
            application = phases.time(
                    "http",
                    () -> RestServer.prepare(
                            config.httpHost(),
                            config.httpPort(),
                            config.tls(),
                            config.publicBaseUrl(),
                            RestApplication.of(wired.restComponents()),
                            Optional.of(intake)));
            // No request is accepted before the schema is current. Bind before the first-start
            // admin exists: a start that fails here leaves no admin behind whose only token nobody
            // saw; the next start creates it.
            joined(opening);
            http = phases.time("listen", application::listen);
            // The last step that can fail; the caller prints a generated token right after it.
            EnsureAdmin.Outcome firstStart =
                    phases.time("admin", () -> wired.ensureAdmin().ensure(config.adminToken()));
            wiring.startBackgroundWork();
            Server server = new Server(config, joined(starting), database, http, firstStart, wiring, intake);
            wiring.health.markStarted();
            server.logStarted();
            phases.done();
            server.openCertificateAuthority(phases);
            server.setUpAfterServing(phases);
            return server;
        } catch (RuntimeException e) {
            if (http != null) {
                http.stop(Duration.ZERO);
            } else if (application != null) {
                application.close();
            }
            if (wiring != null) {
                wiring.close();
                wiring.metrics.ifPresent(PrometheusMetrics::close);
            } else {
                metrics.thenAccept(unused -> unused.ifPresent(PrometheusMetrics::close));
            }
            try {
                opening.join();
            } catch (CompletionException alsoFailed) {
                // Its failure is e itself, or is reported by it.
            }
            database.close();
            stopEmbedded(starting, e);
            throw e;
        }
    }

    /** Stops the embedded database once it has started (or failed to), after a failed start whose cause is {@code failure}. */
    private static void stopEmbedded(CompletableFuture<Optional<EmbeddedDatabase>> starting, RuntimeException failure) {
        try {
            joined(starting).ifPresent(EmbeddedDatabase::close);
        } catch (RuntimeException alsoFailed) {
            if (alsoFailed != failure) {
                failure.addSuppressed(alsoFailed);
            }
        }
    }

    /** Lets a CA still being opened (a first start writes its files) finish before the process may end. */
    private void awaitCertificateAuthority() {
        try {
            certificateAuthority.get(DeferredCertificateAuthority.START_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // Logged where it failed; stopping goes on.
        }
    }

    /** What an operator wants to know once the server is up; never a password or a token. */
    private void logStarted() {
        LOG.info(
                "database: {}",
                embedded.map(e -> "embedded PostgreSQL, data in "
                                + config.dataDir()
                                        .resolve("postgres")
                                        .toAbsolutePath()
                                        .normalize())
                        .orElseGet(() -> "external "
                                + StartupLines.withoutSecrets(config.dbUrl().orElseThrow()) + " as user "
                                + config.dbUser()));
        LOG.info("migrations: {}", database.migrations().describe());
        LOG.info("connection pool: at most {} connections", database.poolSize());
        LOG.info(
                "OpenID Connect: {}",
                config.oidc().map(o -> "on, issuer " + o.issuer()).orElse("off (API tokens only)"));
        LOG.info(
                "metrics: {}; access log: {}; log format: {}",
                config.metrics() ? "on at /metrics (role metrics-reader)" : "off",
                config.accessLog() ? "on" : "off",
                config.jsonLogs() ? "json" : "text");
        LOG.info("listening on {}{}", http.uri(), config.tls().isPresent() ? " (HTTPS only)" : "");
    }

    /**
     * How long after it started serving a server sets up what readiness does not need (the CA,
     * when no request needed it before; Jdbi's statement machinery): the first requests after a
     * start (a readiness probe's, say) are not slowed down by it.
     */
    static final Duration AFTER_SERVING = Duration.ofSeconds(1);

    /**
     * Opens (on first start: creates) the CA on a thread of its own after the server started
     * serving — once a request needs it, or {@link #AFTER_SERVING} later at the
     * latest — then binds it: decrypting its keys (PBKDF2 over each keystore entry, and the JIT
     * compiling that) was the largest piece of a start's CPU, and the CA is not needed for
     * readiness; a request that needs it meanwhile waits for it ({@link DeferredCertificateAuthority}).
     * A CA that cannot open is not fatal: issuing answers 503 until the keystore is repaired (the
     * CA tries again), while everything else keeps working.
     */
    private void openCertificateAuthority(StartPhases phases) {
        EmbeddedCaSettings settings = config.certificateAuthority(http.uri());
        certificateAuthority = phases.onThread("certificate authority", () -> {
            wiring.certificateAuthority.awaitNeed(AFTER_SERVING);
            try {
                phases.time("certificate authority", () -> {
                    EmbeddedCertificateAuthority authority =
                            new EmbeddedCertificateAuthority(settings, Clock.systemUTC());
                    try {
                        authority.start();
                    } catch (CertificateAuthorityUnavailable e) {
                        LOG.warn("The certificate authority is unavailable: {}", e.getMessage());
                    }
                    wiring.certificateAuthority.bind(authority);
                });
            } catch (RuntimeException e) {
                LOG.error("The certificate authority could not be opened", e);
                throw e;
            }
        });
    }

    /**
     * {@link #AFTER_SERVING} after the server started serving, on a thread of its own, sets up what
     * readiness does not need: the JVM's meters ({@link PrometheusMetrics#bindJvmMeters}) and Jdbi's
     * statement machinery ({@link Database#warmUpStatements}; nothing a start runs before it serves
     * uses it, its own statements go through {@code PlainJdbc}). A request that
     * needs either first sets it up itself. Then it reads the embedded database into PostgreSQL's
     * cache ({@link EmbeddedDatabase#prewarm}).
     */
    private void setUpAfterServing(StartPhases phases) {
        phases.onThread("after-serving", () -> {
            try {
                Thread.sleep(AFTER_SERVING.toMillis());
                wiring.metrics.ifPresent(metrics -> phases.time("JVM meters", metrics::bindJvmMeters));
                phases.time("statement machinery", database::warmUpStatements);
                embedded.ifPresent(e -> phases.time(
                        "database cache",
                        () -> LOG.info("database cache: {} pages read into PostgreSQL's cache", e.prewarm())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                // Stopped meanwhile, or the database is away: the first statement that needs it sets it up.
                LOG.debug("not set up after the start: {}", e.toString());
            }
        });
    }

    /** The embedded database's settings when there is one, else the configured external database's. */
    static DatabaseSettings databaseSettings(Config config, Optional<EmbeddedDatabase> embedded) {
        return embedded.map(e -> e.settings(config.dbPoolSize())).orElseGet(() -> externalDatabase(config));
    }

    private static DatabaseSettings externalDatabase(Config config) {
        return new DatabaseSettings(
                config.dbUrl().orElseThrow(), config.dbUser(), config.dbPassword(), config.dbPoolSize());
    }

    /** What a step on another thread produced once it is done, or its failure as it was thrown. */
    private static <T> T joined(CompletableFuture<T> step) {
        try {
            return step.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw e;
        }
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

    /** What Jersey serves: tests enumerate every route from it. */
    ResourceModel resourceModel() {
        return http.resourceModel();
    }

    /** Memory held by request bodies being received: for tests. */
    long requestIntakeReservedBytes() {
        return intake.reservedBytes();
    }

    /** Stops the embedded database only (tests use it to see readiness fail). */
    void stopEmbeddedDatabase() {
        watchdog.ifPresent(EmbeddedDatabaseWatchdog::close);
        embedded.ifPresent(EmbeddedDatabase::close);
    }

    /** Stops accepting, lets requests in flight finish (bounded), closes the pool and the database. */
    @Override
    public void close() {
        LOG.info("stopping: waiting up to {} for requests in flight", config.shutdownGrace());
        watchdog.ifPresent(EmbeddedDatabaseWatchdog::close);
        http.stop(config.shutdownGrace());
        // A first start writes the CA's files: they are there once the server has run.
        wiring.certificateAuthority.needNow();
        awaitCertificateAuthority();
        wiring.close();
        database.close();
        embedded.ifPresent(EmbeddedDatabase::close);
        wiring.metrics.ifPresent(PrometheusMetrics::close);
        LOG.info("stopped");
    }
}
