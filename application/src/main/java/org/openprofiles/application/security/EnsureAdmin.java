package org.openprofiles.application.security;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.openprofiles.application.shared.Audit;
import org.openprofiles.application.shared.Transactions;
import org.openprofiles.domain.security.ApiToken;
import org.openprofiles.domain.security.Credentials;
import org.openprofiles.domain.security.Role;
import org.openprofiles.domain.security.TokenId;
import org.openprofiles.domain.security.TokenSecrets;
import org.openprofiles.domain.security.User;
import org.openprofiles.domain.security.UserId;
import org.openprofiles.domain.security.Users;
import org.openprofiles.domain.shared.Invalid;

/**
 * First start: when no enabled admin exists, creates one with a token. The token is the
 * configured one (for automation, at least 32 characters) or a generated one, which the caller
 * shows once.
 */
public final class EnsureAdmin {

    public static final int MIN_CONFIGURED_TOKEN_LENGTH = 32;
    public static final String ADMIN_LOGIN = "admin";

    /** What first start did: nothing, or created an admin whose token is returned once if generated. */
    public record Outcome(boolean created, UserId adminId, Optional<String> generatedToken) {}

    private final Users users;
    private final Credentials credentials;
    private final Transactions transactions;
    private final Audit audit;
    private final Clock clock;

    public EnsureAdmin(Users users, Credentials credentials, Transactions transactions, Audit audit, Clock clock) {
        this.users = users;
        this.credentials = credentials;
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
    }

    public Outcome ensure(Optional<String> configuredToken) {
        configuredToken.ifPresent(token -> {
            if (token.strip().length() < MIN_CONFIGURED_TOKEN_LENGTH) {
                throw new Invalid(
                        "too_short",
                        "adminToken",
                        "the configured admin token must be at least " + MIN_CONFIGURED_TOKEN_LENGTH + " characters");
            }
        });
        return transactions.inTransaction(() -> {
            if (users.anyEnabledAdmin()) {
                return new Outcome(false, null, Optional.empty());
            }
            User admin = users.findByLogin(ADMIN_LOGIN)
                    .map(existing -> {
                        User enabled = new User(
                                existing.id(),
                                existing.login(),
                                existing.displayName(),
                                true,
                                Set.of(Role.ADMIN),
                                existing.createdAt(),
                                existing.version());
                        return users.update(enabled);
                    })
                    .orElseGet(() -> {
                        User created = User.create(
                                UserId.random(), ADMIN_LOGIN, "Administrator", Set.of(Role.ADMIN), clock.instant());
                        users.add(created);
                        return created;
                    });
            String secret = configuredToken.map(String::strip).orElseGet(TokenSecrets::newSecret);
            ApiToken token = new ApiToken(
                    new TokenId(UUID.randomUUID()),
                    admin.id(),
                    "first start",
                    TokenSecrets.hash(secret),
                    clock.instant(),
                    Optional.empty(),
                    Optional.empty());
            credentials.add(token);
            audit.recordBySystem(
                    "user.bootstrap-admin",
                    "user",
                    admin.id().toString(),
                    Map.of(
                            "login",
                            admin.login(),
                            "roles",
                            "admin",
                            "tokenId",
                            token.id().toString()));
            return new Outcome(true, admin.id(), configuredToken.isPresent() ? Optional.empty() : Optional.of(secret));
        });
    }
}
