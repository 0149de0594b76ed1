package org.openprofiles.application.security;

import org.openprofiles.application.shared.Audit;
import org.openprofiles.application.shared.Transactions;
import org.openprofiles.domain.security.AccessPolicy;
import org.openprofiles.domain.security.Action;
import org.openprofiles.domain.security.Principal;
import org.openprofiles.domain.security.Resource;
import org.openprofiles.domain.security.User;
import org.openprofiles.domain.security.UserId;
import org.openprofiles.domain.security.Users;

/**
 * An admin enables a disabled user again: the user's tokens that are neither expired nor revoked
 * work again from the next request. Enabling an enabled user changes nothing and records nothing.
 */
public final class EnableUser {

    private final AccessPolicy policy;
    private final Transactions transactions;
    private final Users users;
    private final Audit audit;

    public EnableUser(AccessPolicy policy, Transactions transactions, Users users, Audit audit) {
        this.policy = policy;
        this.transactions = transactions;
        this.users = users;
        this.audit = audit;
    }

    public User enable(Principal actor, UserId id) {
        policy.require(actor, Action.MANAGE_USERS, Resource.of(AuditFields.USER));
        return transactions.inTransaction(() -> {
            User current = users.find(id).orElseThrow(() -> User.notFound(id));
            if (current.enabled()) {
                return current;
            }
            User updated = users.update(current.reenabled());
            audit.record(
                    actor,
                    "user.enable",
                    AuditFields.USER,
                    id.toString(),
                    AuditFields.of(current),
                    AuditFields.of(updated));
            return updated;
        });
    }
}
