package org.openprofiles.application.security;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.openprofiles.application.shared.Audit;
import org.openprofiles.application.shared.Transactions;
import org.openprofiles.domain.security.AccessPolicy;
import org.openprofiles.domain.security.Action;
import org.openprofiles.domain.security.ApiToken;
import org.openprofiles.domain.security.Credentials;
import org.openprofiles.domain.security.Principal;
import org.openprofiles.domain.security.Resource;
import org.openprofiles.domain.security.TokenId;
import org.openprofiles.domain.security.UserId;

/**
 * An admin revokes one of a user's tokens; it is refused from the next request on (tokens are
 * looked up on every call). Revoking a revoked token changes nothing and records nothing.
 */
public final class RevokeToken {

    private final AccessPolicy policy;
    private final Transactions transactions;
    private final Credentials credentials;
    private final Audit audit;
    private final Clock clock;

    public RevokeToken(
            AccessPolicy policy, Transactions transactions, Credentials credentials, Audit audit, Clock clock) {
        this.policy = policy;
        this.transactions = transactions;
        this.credentials = credentials;
        this.audit = audit;
        this.clock = clock;
    }

    public ApiToken revoke(Principal actor, UserId user, TokenId id) {
        policy.require(actor, Action.MANAGE_USERS, Resource.of(AuditFields.TOKEN));
        return transactions.inTransaction(() -> {
            ApiToken current = credentials
                    .find(id)
                    .filter(token -> token.userId().equals(user))
                    .orElseThrow(() -> ApiToken.notFound(user, id));
            Instant now = clock.instant();
            if (current.revokedAt().isPresent() || !credentials.revoke(id, now)) {
                return current;
            }
            ApiToken revoked = new ApiToken(
                    current.id(),
                    current.userId(),
                    current.name(),
                    current.hash(),
                    current.createdAt(),
                    current.expiresAt(),
                    Optional.of(now));
            audit.record(
                    actor,
                    "token.revoke",
                    AuditFields.TOKEN,
                    id.toString(),
                    AuditFields.of(current),
                    AuditFields.of(revoked));
            return revoked;
        });
    }
}
