package org.openprofiles.application.security;

import org.openprofiles.application.shared.Transactions;
import org.openprofiles.domain.security.AccessPolicy;
import org.openprofiles.domain.security.Action;
import org.openprofiles.domain.security.ApiToken;
import org.openprofiles.domain.security.Credentials;
import org.openprofiles.domain.security.Principal;
import org.openprofiles.domain.security.Resource;
import org.openprofiles.domain.security.User;
import org.openprofiles.domain.security.UserId;
import org.openprofiles.domain.security.Users;
import org.openprofiles.domain.shared.Page;
import org.openprofiles.domain.shared.PageRequest;

/** An admin lists a user's tokens, newest first (never their secrets). */
public final class ListTokens {

    private final AccessPolicy policy;
    private final Transactions transactions;
    private final Users users;
    private final Credentials credentials;

    public ListTokens(AccessPolicy policy, Transactions transactions, Users users, Credentials credentials) {
        this.policy = policy;
        this.transactions = transactions;
        this.users = users;
        this.credentials = credentials;
    }

    public Page<ApiToken> list(Principal actor, UserId user, PageRequest page) {
        policy.require(actor, Action.MANAGE_USERS, Resource.of(AuditFields.TOKEN));
        return transactions.readOnly(() -> {
            users.find(user).orElseThrow(() -> User.notFound(user));
            return credentials.listFor(user, page);
        });
    }
}
