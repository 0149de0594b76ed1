package org.openprofiles.application.security;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openprofiles.application.shared.Audit;
import org.openprofiles.application.shared.Transactions;
import org.openprofiles.domain.security.ApiToken;
import org.openprofiles.domain.security.Credentials;
import org.openprofiles.domain.security.User;
import org.openprofiles.domain.security.Users;
import org.openprofiles.domain.shared.Page;
import org.openprofiles.domain.shared.PageRequest;

/**
 * An operator with access to the database (the {@code admin reset-token} command) replaces all of a
 * user's API tokens with one new token: every token still usable is revoked in the same
 * transaction, so a token that leaked stops working while its owner gets back in. Audited.
 */
public final class ResetTokensAsOperator {

    /** The new token, and how many old ones were revoked. */
    public record Reset(CreateTokenAsOperator.Issued issued, int revoked) {}

    private final Users users;
    private final Credentials credentials;
    private final Transactions transactions;
    private final Audit audit;
    private final Clock clock;
    private final CreateTokenAsOperator create;

    public ResetTokensAsOperator(
            Users users, Credentials credentials, Transactions transactions, Audit audit, Clock clock) {
        this.users = users;
        this.credentials = credentials;
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
        this.create = new CreateTokenAsOperator(users, credentials, transactions, audit, clock);
    }

    /** @param operator who ran the command (the operating-system account), for the audit trail */
    public Reset reset(String login, String operator) {
        return transactions.inTransaction(() -> {
            User user = CreateTokenAsOperator.enabledUser(users, login);
            Instant now = clock.instant();
            List<String> revoked = new ArrayList<>();
            PageRequest page = PageRequest.first(PageRequest.MAX_LIMIT);
            while (true) {
                Page<ApiToken> tokens = credentials.listFor(user.id(), page);
                for (ApiToken token : tokens.items()) {
                    if (token.revokedAt().isEmpty() && credentials.revoke(token.id(), now)) {
                        revoked.add(token.id().toString());
                    }
                }
                if (tokens.nextCursor().isEmpty()) {
                    break;
                }
                page = page.after(tokens.nextCursor().get());
            }
            CreateTokenAsOperator.Issued issued = create.issue(user, "reset by operator", Optional.empty());
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("userId", user.id().toString());
            after.put("tokenId", issued.token().id().toString());
            after.put("revokedTokens", revoked);
            after.put("via", "command line");
            after.put("operator", operator);
            audit.recordBySystem("token.reset", "user", user.id().toString(), after);
            return new Reset(issued, revoked.size());
        });
    }
}
