package org.openprofiles.application.security;

import org.openprofiles.application.shared.Transactions;
import org.openprofiles.domain.security.AccessPolicy;
import org.openprofiles.domain.security.Action;
import org.openprofiles.domain.security.Principal;
import org.openprofiles.domain.security.Resource;
import org.openprofiles.domain.security.User;
import org.openprofiles.domain.security.UserId;
import org.openprofiles.domain.security.Users;
import org.openprofiles.domain.shared.NotFound;

/** An admin reads one user; an unknown id is {@link NotFound}. */
public final class GetUser {

    private final AccessPolicy policy;
    private final Transactions transactions;
    private final Users users;

    public GetUser(AccessPolicy policy, Transactions transactions, Users users) {
        this.policy = policy;
        this.transactions = transactions;
        this.users = users;
    }

    public User get(Principal actor, UserId id) {
        policy.require(actor, Action.MANAGE_USERS, Resource.of(AuditFields.USER));
        return transactions.readOnly(() -> users.find(id)).orElseThrow(() -> User.notFound(id));
    }
}
