package org.openprofiles.application.security;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.openprofiles.application.shared.ChangeAwareCache;
import org.openprofiles.application.shared.ChangeFeed;
import org.openprofiles.application.shared.Transactions;
import org.openprofiles.domain.security.ApiToken;
import org.openprofiles.domain.security.Credentials;
import org.openprofiles.domain.security.Principal;
import org.openprofiles.domain.security.Role;
import org.openprofiles.domain.security.TokenOwner;
import org.openprofiles.domain.security.TokenSecrets;
import org.openprofiles.domain.security.User;
import org.openprofiles.domain.security.UserId;
import org.openprofiles.domain.security.Users;
import org.openprofiles.domain.shared.Unauthenticated;

/**
 * Turns a credential into a {@link Principal}: an API token (its hash finds the token and its
 * user in one query, kept in a cache that the {@link ChangeFeed} keeps correct, so revocation,
 * disabling and role changes take effect on the next request on every node; expiry is checked on
 * every call), or an identity already verified by an external issuer (an OpenID Connect access
 * token checked in the REST adapter).
 */
public final class Authenticate {

    private final Users users;
    private final Credentials credentials;
    private final Clock clock;
    private final Optional<ChangeAwareCache<String, TokenOwner>> owners;

    /** Without a cache: every call asks the database. */
    public Authenticate(Users users, Credentials credentials, Clock clock) {
        this.users = users;
        this.credentials = credentials;
        this.clock = clock;
        this.owners = Optional.empty();
    }

    /** With a cache of token owners by token hash, which {@code changes} keeps correct. */
    public Authenticate(
            Users users,
            Credentials credentials,
            Clock clock,
            ChangeFeed changes,
            Transactions transactions,
            ChangeAwareCache.Settings cache) {
        this.users = users;
        this.credentials = credentials;
        this.clock = clock;
        this.owners = Optional.of(new ChangeAwareCache<>(changes, transactions, cache, Authenticate::affects));
    }

    /** A change to the token or to its user makes a kept owner stale. */
    private static boolean affects(ChangeFeed.Change change, TokenOwner owner) {
        return switch (change.topic()) {
            case API_TOKEN -> owner.token().id().value().equals(change.id());
            case USER -> owner.user().id().value().equals(change.id());
            default -> false;
        };
    }

    /** The principal behind a bearer token's secret; {@link Unauthenticated} when it is no good. */
    public Principal byApiToken(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new Unauthenticated("missing_token", "a bearer token is required");
        }
        String hash = TokenSecrets.hash(secret.strip());
        TokenOwner owner = owners.map(cache -> cache.get(hash, () -> credentials.findWithOwner(hash)))
                .orElseGet(() -> credentials.findWithOwner(hash))
                .orElseThrow(() -> new Unauthenticated("invalid_token", "the token is not known"));
        ApiToken token = owner.token();
        if (token.revokedAt().isPresent()) {
            throw Unauthenticated.of(token.userId().value(), "revoked_token", "the token has been revoked");
        }
        if (!token.usableAt(clock.instant())) {
            throw Unauthenticated.of(token.userId().value(), "expired_token", "the token has expired");
        }
        return enabledUser(Optional.of(owner.user())).asPrincipal();
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
