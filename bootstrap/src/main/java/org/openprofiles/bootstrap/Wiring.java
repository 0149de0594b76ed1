package org.openprofiles.bootstrap;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.openprofiles.adapter.jdbc.health.JdbcDatabaseProbe;
import org.openprofiles.adapter.jdbc.security.JdbiAuditTrail;
import org.openprofiles.adapter.jdbc.security.JdbiCredentials;
import org.openprofiles.adapter.jdbc.security.JdbiUsers;
import org.openprofiles.adapter.jdbc.shared.Database;
import org.openprofiles.adapter.jdbc.shared.JdbiTransactions;
import org.openprofiles.adapter.rest.console.ConsoleResource;
import org.openprofiles.adapter.rest.console.ConsoleSettings;
import org.openprofiles.adapter.rest.health.HealthResource;
import org.openprofiles.adapter.rest.shared.AuthenticationFilter;
import org.openprofiles.adapter.rest.shared.AuthorizationFeature;
import org.openprofiles.adapter.rest.shared.CorsFilter;
import org.openprofiles.adapter.rest.shared.ExternalTokenVerifier;
import org.openprofiles.adapter.rest.shared.JsonMappers;
import org.openprofiles.adapter.rest.shared.PublicUris;
import org.openprofiles.adapter.rest.shared.TlsSettings;
import org.openprofiles.application.health.CheckReadiness;
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
final class Wiring {

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
    final ChangeFeed changes;

    Wiring(Config config, Database database, Clock clock) {
        this.config = config;
        this.database = database;
        this.clock = clock;
        this.transactions = database.transactions();
        this.accessPolicy = new RoleBasedAccessPolicy();
        this.auditTrail = new JdbiAuditTrail(transactions);
        this.audit = new Audit(auditTrail, clock);
        this.users = new JdbiUsers(transactions);
        this.credentials = new JdbiCredentials(transactions);
        this.changes = database.changeFeed();
    }

    /** How the caches of what rarely changes are bounded (they follow {@link #changes}). */
    ChangeAwareCache.Settings cacheSettings() {
        return config.cacheSettings();
    }

    EnsureAdmin ensureAdmin() {
        return new EnsureAdmin(users, credentials, transactions, audit, clock);
    }

    /** The Jersey components (resources, filters) of the running service. */
    List<Object> restComponents() {
        List<Object> components = new ArrayList<>();
        components.add(new PublicUris(config.publicBaseUrl(), config.trustedProxies(), config.httpHost()));
        components.add(new CorsFilter(config.corsAllowedOrigins()));
        components.add(new AuthenticationFilter(
                new Authenticate(users, credentials, clock, changes, transactions, config.cacheSettings()),
                externalTokenVerifier(),
                config.tls().filter(tls -> tls.clientCa().isPresent()).map(TlsSettings::userField)));
        components.add(new AuthorizationFeature(accessPolicy));
        components.add(new HealthResource(new CheckReadiness(new JdbcDatabaseProbe(database))));
        components.addAll(new SecurityWiring(this, clock).restComponents());
        components.addAll(new CertificateWiring(this, clock).restComponents());
        components.add(new JsonMappers().withDialect(AccessWiring.JSON_DIALECT, AccessWiring.jsonDialect()));
        components.addAll(new AccessWiring(this, config.profilesTimeZone(), clock).restComponents());
        components.add(new ConsoleResource(consoleSettings(config)));
        return components;
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
