package org.openprofiles.application.security;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.openprofiles.domain.security.ApiToken;
import org.openprofiles.domain.security.Credentials;
import org.openprofiles.domain.security.Principal;
import org.openprofiles.domain.security.Role;
import org.openprofiles.domain.security.TokenSecrets;
import org.openprofiles.domain.security.User;
import org.openprofiles.domain.security.UserId;
import org.openprofiles.domain.security.Users;
import org.openprofiles.domain.shared.Unauthenticated;

/**
 * Turns a credential into a {@link Principal}: an API token (looked up by its hash on every call,
 * so expiry and revocation take effect on the next request), or an identity already verified by
 * an external issuer (an OpenID Connect access token checked in the REST adapter).
 */
public final class Authenticate {

    private final Users users;
    private final Credentials credentials;
    private final Clock clock;

    public Authenticate(Users users, Credentials credentials, Clock clock) {
        this.users = users;
        this.credentials = credentials;
        this.clock = clock;
    }

    /** The principal behind a bearer token's secret; {@link Unauthenticated} when it is no good. */
    public Principal byApiToken(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new Unauthenticated("missing_token", "a bearer token is required");
        }
        ApiToken token = credentials
                .findByHash(TokenSecrets.hash(secret.strip()))
                .orElseThrow(() -> new Unauthenticated("invalid_token", "the token is not known"));
        if (token.revokedAt().isPresent()) {
            throw Unauthenticated.of(token.userId().value(), "revoked_token", "the token has been revoked");
        }
        if (!token.usableAt(clock.instant())) {
            throw Unauthenticated.of(token.userId().value(), "expired_token", "the token has expired");
        }
        return enabledUser(users.find(token.userId())).asPrincipal();
    }

    /**
     * The principal for an identity an external issuer vouched for. {@code subject} is matched
     * to a user id when it is a UUID, else to a login. Roles come from the issuer when it sends
     * them ({@code issuerRoles} present), else from the stored user.
     */
    public Principal byExternalIdentity(String subject, Optional<Set<Role>> issuerRoles) {
        if (subject == null || subject.isBlank()) {
            throw new Unauthenticated("invalid_token", "the token names no user");
        }
        Optional<User> user =
                asUuid(subject).flatMap(id -> users.find(new UserId(id))).or(() -> users.findByLogin(subject.strip()));
        User found = enabledUser(user);
        return issuerRoles.map(roles -> new Principal(found.id(), roles)).orElseGet(found::asPrincipal);
    }

    /**
     * The principal for a client certificate the TLS layer verified; {@code name} (from the
     * configured certificate field) is a user id or a login. Roles are the stored user's.
     */
    public Principal byClientCertificate(String name) {
        if (name == null || name.isBlank()) {
            throw new Unauthenticated("certificate_without_user", "the client certificate names no user");
        }
        return byExternalIdentity(name, Optional.empty());
    }

    private static User enabledUser(Optional<User> user) {
        User found = user.orElseThrow(() -> new Unauthenticated("unknown_user", "the token's user does not exist"));
        if (!found.enabled()) {
            throw Unauthenticated.of(found.id().value(), "disabled_user", "the token's user is disabled");
        }
        return found;
    }

    private static Optional<UUID> asUuid(String value) {
        try {
            return Optional.of(UUID.fromString(value.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
