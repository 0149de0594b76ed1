package org.openprofiles.application.security;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.openprofiles.application.shared.Audit;
import org.openprofiles.application.shared.Transactions;
import org.openprofiles.domain.security.ApiToken;
import org.openprofiles.domain.security.Credentials;
import org.openprofiles.domain.security.TokenId;
import org.openprofiles.domain.security.TokenSecrets;
import org.openprofiles.domain.security.User;
import org.openprofiles.domain.security.Users;
import org.openprofiles.domain.shared.Conflict;
import org.openprofiles.domain.shared.Invalid;
import org.openprofiles.domain.shared.NotFound;

/**
 * An operator with access to the service's database (the {@code admin create-token} command, no
 * running server needed) issues an API token for a user by login: the way back in when every
 * token of an admin is lost. Recorded in the audit trail as done by the service for that operator.
 */
public final class CreateTokenAsOperator {

    /** The new token and its secret, which exists only in this answer. */
    public record Issued(User user, ApiToken token, String secret) {
        @Override
        public String toString() {
            return "Issued[" + token.id() + "]";
        }
    }

    private final Users users;
    private final Credentials credentials;
    private final Transactions transactions;
    private final Audit audit;
    private final Clock clock;

    public CreateTokenAsOperator(
            Users users, Credentials credentials, Transactions transactions, Audit audit, Clock clock) {
        this.users = users;
        this.credentials = credentials;
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * @param operator who ran the command (the operating-system account), for the audit trail
     */
    public Issued create(String login, String name, Optional<Instant> expiresAt, String operator) {
        if (name.strip().length() > IssueToken.MAX_NAME_LENGTH) {
            throw new Invalid("too_long", "name", "name must be at most " + IssueToken.MAX_NAME_LENGTH + " characters");
        }
        if (expiresAt.filter(expiry -> !expiry.isAfter(clock.instant())).isPresent()) {
            throw new Invalid("expiry_not_in_future", "expires", "the expiry must be in the future");
        }
        return transactions.inTransaction(() -> {
            User user = enabledUser(users, login);
            Issued issued = issue(user, name, expiresAt);
            Map<String, Object> after = new LinkedHashMap<>(AuditFields.of(issued.token()));
            after.put("via", "command line");
            after.put("operator", operator);
            audit.recordBySystem(
                    "token.create", AuditFields.TOKEN, issued.token().id().toString(), after);
            return issued;
        });
    }

    /** Inside the caller's unit of work: a new token for {@code user}. */
    Issued issue(User user, String name, Optional<Instant> expiresAt) {
        String secret = TokenSecrets.newSecret();
        ApiToken token = new ApiToken(
                new TokenId(UUID.randomUUID()),
                user.id(),
                name,
                TokenSecrets.hash(secret),
                clock.instant(),
                expiresAt,
                Optional.empty());
        credentials.add(token);
        return new Issued(user, token, secret);
    }

    static User enabledUser(Users users, String login) {
        User user = users.findByLogin(login.strip())
                .orElseThrow(() -> new NotFound("user_not_found", "login", "there is no user '" + login + "'"));
        if (!user.enabled()) {
            throw new Conflict(
                    "user_disabled", "login", "user '" + user.login() + "' is disabled; its tokens would not work");
        }
        return user;
    }
}
