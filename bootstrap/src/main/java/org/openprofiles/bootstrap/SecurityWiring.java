package org.openprofiles.bootstrap;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.openprofiles.adapter.rest.security.JwtVerifier;
import org.openprofiles.adapter.rest.security.admin.AuditResource;
import org.openprofiles.adapter.rest.security.admin.UserImportResource;
import org.openprofiles.adapter.rest.security.admin.UsersResource;
import org.openprofiles.adapter.rest.shared.ExternalTokenVerifier;
import org.openprofiles.application.security.CreateUser;
import org.openprofiles.application.security.DisableUser;
import org.openprofiles.application.security.EnableUser;
import org.openprofiles.application.security.GetUser;
import org.openprofiles.application.security.ImportUsers;
import org.openprofiles.application.security.IssueToken;
import org.openprofiles.application.security.ListAuditEvents;
import org.openprofiles.application.security.ListTokens;
import org.openprofiles.application.security.ListUsers;
import org.openprofiles.application.security.RevokeToken;
import org.openprofiles.application.security.SetUserAddresses;
import org.openprofiles.application.security.SetUserRoles;

/** Hand wiring of the security context's admin routes (users, tokens, audit) and JWT sign-in. */
final class SecurityWiring {

    private final Wiring shared;
    private final Clock clock;

    SecurityWiring(Wiring shared, Clock clock) {
        this.shared = shared;
        this.clock = clock;
    }

    List<Object> restComponents() {
        var policy = shared.accessPolicy;
        var transactions = shared.transactions;
        var users = shared.users;
        var credentials = shared.credentials;
        var audit = shared.audit;
        UsersResource.UseCases useCases = new UsersResource.UseCases(
                new CreateUser(policy, transactions, users, audit, clock),
                new ListUsers(policy, transactions, users),
                new GetUser(policy, transactions, users),
                new DisableUser(policy, transactions, users, audit),
                new EnableUser(policy, transactions, users, audit),
                new SetUserRoles(policy, transactions, users, audit),
                new SetUserAddresses(policy, transactions, users, audit),
                new IssueToken(policy, transactions, users, credentials, audit, clock),
                new ListTokens(policy, transactions, users, credentials),
                new RevokeToken(policy, transactions, credentials, audit, clock));
        return List.of(
                new UsersResource(useCases),
                new UserImportResource(new ImportUsers(policy, transactions, users, audit, clock)),
                new AuditResource(new ListAuditEvents(policy, transactions, shared.auditTrail)));
    }

    /** The JWT verifier when OpenID Connect is configured; a JWKS file is read here, at start-up. */
    static Optional<ExternalTokenVerifier> externalTokenVerifier(Config config) {
        return config.oidc().map(JwtVerifier::start);
    }
}
