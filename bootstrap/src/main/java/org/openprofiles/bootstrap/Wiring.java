package org.openprofiles.bootstrap;

import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.openprofiles.adapter.jdbc.access.JdbiDirectorySyncs;
import org.openprofiles.adapter.jdbc.health.JdbcDatabaseProbe;
import org.openprofiles.adapter.jdbc.security.JdbiAuditTrail;
import org.openprofiles.adapter.jdbc.security.JdbiCredentials;
import org.openprofiles.adapter.jdbc.security.JdbiUsers;
import org.openprofiles.adapter.jdbc.shared.Database;
import org.openprofiles.adapter.jdbc.shared.JdbiTransactions;
import org.openprofiles.adapter.metrics.security.MeteredAuditTrail;
import org.openprofiles.adapter.metrics.shared.PrometheusMetrics;
import org.openprofiles.adapter.rest.apidocs.ApiDocsResource;
import org.openprofiles.adapter.rest.apidocs.OpenApiResource;
import org.openprofiles.adapter.rest.console.ConsoleResource;
import org.openprofiles.adapter.rest.console.ConsoleSettings;
import org.openprofiles.adapter.rest.health.HealthResource;
import org.openprofiles.adapter.rest.health.MetricsResource;
import org.openprofiles.adapter.rest.shared.AuthenticationFilter;
import org.openprofiles.adapter.rest.shared.Authenticator;
import org.openprofiles.adapter.rest.shared.AuthorizationFeature;
import org.openprofiles.adapter.rest.shared.CorsFilter;
import org.openprofiles.adapter.rest.shared.ExternalTokenVerifier;
import org.openprofiles.adapter.rest.shared.JsonMappers;
import org.openprofiles.adapter.rest.shared.PublicUris;
import org.openprofiles.adapter.rest.shared.RequestIntake;
import org.openprofiles.adapter.rest.shared.RequestObservation;
import org.openprofiles.adapter.rest.shared.SignInThrottle;
import org.openprofiles.adapter.rest.shared.TlsSettings;
import org.openprofiles.application.access.DirectorySyncHealth;
import org.openprofiles.application.certificate.CertificateAuthorityHealth;
import org.openprofiles.application.health.CheckHealth;
import org.openprofiles.application.health.HealthCheck;
import org.openprofiles.application.security.Authenticate;
import org.openprofiles.application.security.EnsureAdmin;
import org.openprofiles.application.shared.Audit;
import org.openprofiles.application.shared.ChangeAwareCache;
import org.openprofiles.application.shared.ChangeFeed;
import org.openprofiles.domain.security.AccessPolicy;
import org.openprofiles.domain.security.AuditTrail;
import org.openprofiles.domain.security.Credentials;
import org.openprofiles.domain.security.RoleBasedAccessPolicy;
import org.openprofiles.domain.security.Users;

/**
 * Hand wiring: builds every adapter, use case and resource with plain constructors. Reading this
 * class tells who depends on whom; nothing is found by scanning.
 */
final class Wiring implements AutoCloseable {

    private final Config config;
    private final Database database;
    private final Clock clock;

    // Shared by every bounded context.
    final JdbiTransactions transactions;
    final AccessPolicy accessPolicy;
    final AuditTrail auditTrail;
    final Audit audit;
    final Users users;
    final Credentials credentials;
    /** The certificate authority, bound once the server serves ({@link Server#start}). */
    final DeferredCertificateAuthority certificateAuthority = new DeferredCertificateAuthority();

    // Operations: metrics (when switched on) and health.
    final Optional<PrometheusMetrics> metrics;
    final CheckHealth health;
    private final AccessWiring access;
    private Authenticator authenticator;
    final ChangeFeed changes;

    Wiring(Config config, Database database, Clock clock) {
        this(config, database, clock, config.metrics() ? Optional.of(new PrometheusMetrics()) : Optional.empty());
    }

    /** With the metrics registry built already (a server builds it while its database starts). */
    Wiring(Config config, Database database, Clock clock, Optional<PrometheusMetrics> metrics) {
        this.config = config;
        this.database = database;
        this.clock = clock;
        this.transactions = database.transactions();
        this.accessPolicy = new RoleBasedAccessPolicy();
        this.metrics = metrics;
        this.metrics.ifPresent(m -> database.recordPoolMetrics(new MicrometerMetricsTrackerFactory(m.registry())));
        this.metrics.ifPresent(m -> QueuedConsoleAppender.console().ifPresent(console -> console.bindTo(m.registry())));
        // Every committed audit event is counted: the domain counters (requests, certificates, syncs).
        this.auditTrail = metrics.<AuditTrail>map(
                        m -> new MeteredAuditTrail(new JdbiAuditTrail(transactions), transactions, m.registry()))
                .orElseGet(() -> new JdbiAuditTrail(transactions));
        this.health = new CheckHealth(new JdbcDatabaseProbe(database), healthChecks());
        this.audit = new Audit(auditTrail, clock);
        this.users = new JdbiUsers(transactions);
        this.credentials = new JdbiCredentials(transactions);
        this.changes = database.changeFeed();
        this.access =
                new AccessWiring(this, config.profilesTimeZone(), config.ldap(), config.directorySyncSchedule(), clock);
    }

    /** How the caches of what rarely changes are bounded (they follow {@link #changes}). */
    ChangeAwareCache.Settings cacheSettings() {
        return config.cacheSettings();
    }

    EnsureAdmin ensureAdmin() {
        return new EnsureAdmin(users, credentials, transactions, audit, clock);
    }

    /**
     * The named checks {@code /health/ready} reports besides the database: the certificate
     * authority, and the directory sync when a directory is configured. Neither is required: the
     * service serves without them (issuing answers 503; the directory data stays as last synced).
     */
    private List<HealthCheck> healthChecks() {
        List<HealthCheck> checks = new ArrayList<>();
        checks.add(new CertificateAuthorityHealth(certificateAuthority.withoutWaiting(), clock));
        if (config.ldap().isPresent()) {
            checks.add(new DirectorySyncHealth(new JdbiDirectorySyncs(transactions), transactions));
        }
        return checks;
    }

    /** The Jersey components (resources, filters) of the running service. */
    List<Object> restComponents() {
        List<Object> components = new ArrayList<>();
        if (config.accessLog() || metrics.isPresent()) {
            components.add(new RequestObservation(metrics.map(PrometheusMetrics::registry), config.accessLog()));
        }
        metrics.ifPresent(m -> components.add(new MetricsResource(m::scrape)));
        components.add(new PublicUris(config.publicBaseUrl(), config.trustedProxies(), config.httpHost()));
        components.add(new CorsFilter(config.corsAllowedOrigins()));
        components.add(new AuthenticationFilter(authenticator(), config.trustedProxies()));
        components.add(new AuthorizationFeature(accessPolicy));
        components.add(new HealthResource(health));
        components.addAll(new SecurityWiring(this, clock).restComponents());
        components.addAll(new CertificateWiring(this, certificateAuthority, clock).restComponents());
        components.add(new JsonMappers().withDialect(AccessWiring.JSON_DIALECT, AccessWiring.jsonDialect()));
        components.addAll(access.restComponents());
        components.add(new ConsoleResource(consoleSettings(config)));
        components.add(new OpenApiResource(Cli.Version.number()));
        components.add(new ApiDocsResource());
        return components;
    }

    /** Starts what runs in the background once the server serves (the directory sync schedule). */
    void startBackgroundWork() {
        access.startBackgroundWork();
    }

    /** Stops the background work (a running directory sync is cancelled and rolled back). */
    @Override
    public void close() {
        access.close();
    }

    /** Who a request comes from; one per server, since it counts failed sign-ins. */
    Authenticator authenticator() {
        if (authenticator == null) {
            authenticator = new Authenticator(
                    new Authenticate(users, credentials, clock, changes, transactions, config.cacheSettings()),
                    externalTokenVerifier(),
                    config.tls().filter(tls -> tls.clientCa().isPresent()).map(TlsSettings::userField),
                    new SignInThrottle(config.signInLimits(), clock));
        }
        return authenticator;
    }

    /** What a request meets before Jersey: authentication, route checks and limits before its body is read. */
    RequestIntake requestIntake() {
        return new RequestIntake(config.httpLimits(), authenticator(), accessPolicy, config.trustedProxies());
    }

    /** The console offers OpenID Connect sign-in when the provider is configured and it has a client id. */
    static ConsoleSettings consoleSettings(Config config) {
        return new ConsoleSettings(config.oidc()
                .flatMap(oidc -> config.consoleOidcClientId()
                        .map(clientId -> new ConsoleSettings.Oidc(oidc.issuer(), clientId))));
    }

    private Optional<ExternalTokenVerifier> externalTokenVerifier() {
        return SecurityWiring.externalTokenVerifier(config);
    }
}
