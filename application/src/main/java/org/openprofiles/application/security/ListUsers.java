package org.openprofiles.application.security;

import org.openprofiles.application.shared.Transactions;
import org.openprofiles.domain.security.AccessPolicy;
import org.openprofiles.domain.security.Action;
import org.openprofiles.domain.security.Principal;
import org.openprofiles.domain.security.Resource;
import org.openprofiles.domain.security.User;
import org.openprofiles.domain.security.Users;
import org.openprofiles.domain.shared.Page;
import org.openprofiles.domain.shared.PageRequest;

/** An admin lists users, ordered by login, one page at a time. */
public final class ListUsers {

    private final AccessPolicy policy;
    private final Transactions transactions;
    private final Users users;

    public ListUsers(AccessPolicy policy, Transactions transactions, Users users) {
        this.policy = policy;
        this.transactions = transactions;
        this.users = users;
    }

    public Page<User> list(Principal actor, PageRequest page) {
        policy.require(actor, Action.MANAGE_USERS, Resource.of(AuditFields.USER));
        return transactions.readOnly(() -> users.list(page));
    }
}
