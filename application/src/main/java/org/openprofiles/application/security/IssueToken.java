package org.openprofiles.application.security;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.openprofiles.application.shared.Audit;
import org.openprofiles.application.shared.Transactions;
import org.openprofiles.domain.security.AccessPolicy;
import org.openprofiles.domain.security.Action;
import org.openprofiles.domain.security.ApiToken;
import org.openprofiles.domain.security.Credentials;
import org.openprofiles.domain.security.Principal;
import org.openprofiles.domain.security.Resource;
import org.openprofiles.domain.security.TokenId;
import org.openprofiles.domain.security.TokenSecrets;
import org.openprofiles.domain.security.User;
import org.openprofiles.domain.security.UserId;
import org.openprofiles.domain.security.Users;
import org.openprofiles.domain.shared.Conflict;
import org.openprofiles.domain.shared.Invalid;

/**
 * An admin issues an API token for a user: 256 random bits, returned once, stored only as its
 * hash, optionally expiring.
 */
public final class IssueToken {

    public static final int MAX_NAME_LENGTH = 100;

    /** Which user, a label for people, and an optional expiry. */
    public record Command(UserId user, String name, Optional<Instant> expiresAt) {
        public Command {
            if (user == null) {
                throw new IllegalArgumentException("a token needs a user");
            }
            name = name == null ? "" : name.strip();
            if (name.length() > MAX_NAME_LENGTH) {
                throw new Invalid("too_long", "name", "name must be at most " + MAX_NAME_LENGTH + " characters");
            }
            expiresAt = expiresAt == null ? Optional.empty() : expiresAt;
        }
    }

    /** The stored token and its secret, which exists only in this answer. */
    public record Issued(ApiToken token, String secret) {
        @Override
        public String toString() {
            return "Issued[" + token.id() + "]";
        }
    }

    private final AccessPolicy policy;
    private final Transactions transactions;
    private final Users users;
    private final Credentials credentials;
    private final Audit audit;
    private final Clock clock;

    public IssueToken(
            AccessPolicy policy,
            Transactions transactions,
            Users users,
            Credentials credentials,
            Audit audit,
            Clock clock) {
        this.policy = policy;
        this.transactions = transactions;
        this.users = users;
        this.credentials = credentials;
        this.audit = audit;
        this.clock = clock;
    }

    public Issued issue(Principal actor, Command command) {
        policy.require(actor, Action.MANAGE_USERS, Resource.of(AuditFields.TOKEN));
        Instant now = clock.instant();
        if (command.expiresAt().filter(expiry -> !expiry.isAfter(now)).isPresent()) {
            throw new Invalid("expiry_not_in_future", "expiresAt", "expiresAt must be in the future");
        }
        if (command.expiresAt()
                .filter(expiry -> expiry.isAfter(ApiToken.LATEST_EXPIRY))
                .isPresent()) {
            throw new Invalid("expiry_too_late", "expiresAt", "expiresAt must be before " + ApiToken.LATEST_EXPIRY);
        }
        return transactions.inTransaction(() -> {
            User user = users.find(command.user()).orElseThrow(() -> User.notFound(command.user()));
            if (!user.enabled()) {
                throw new Conflict("user_disabled", "user " + user.login() + " is disabled; its tokens would not work");
            }
            String secret = TokenSecrets.newSecret();
            ApiToken token = new ApiToken(
                    new TokenId(UUID.randomUUID()),
                    user.id(),
                    command.name(),
                    TokenSecrets.hash(secret),
                    now,
                    command.expiresAt(),
                    Optional.empty());
            credentials.add(token);
            audit.record(
                    actor, "token.create", AuditFields.TOKEN, token.id().toString(), Map.of(), AuditFields.of(token));
            return new Issued(token, secret);
        });
    }
}
