package org.openprofiles.application.security;

import java.util.Set;
import org.openprofiles.application.shared.Audit;
import org.openprofiles.application.shared.Transactions;
import org.openprofiles.domain.security.AccessPolicy;
import org.openprofiles.domain.security.Action;
import org.openprofiles.domain.security.Principal;
import org.openprofiles.domain.security.Resource;
import org.openprofiles.domain.security.Role;
import org.openprofiles.domain.security.User;
import org.openprofiles.domain.security.UserId;
import org.openprofiles.domain.security.Users;

/**
 * An admin disables a user: every credential of that user (API tokens, JWTs) is refused from the
 * next request on. Disabling the last enabled admin is refused, so the service stays manageable.
 * Disabling a disabled user changes nothing and records nothing.
 */
public final class DisableUser {

    private final AccessPolicy policy;
    private final Transactions transactions;
    private final Users users;
    private final Audit audit;

    public DisableUser(AccessPolicy policy, Transactions transactions, Users users, Audit audit) {
        this.policy = policy;
        this.transactions = transactions;
        this.users = users;
        this.audit = audit;
    }

    public User disable(Principal actor, UserId id) {
        policy.require(actor, Action.MANAGE_USERS, Resource.of(AuditFields.USER));
        return transactions.inTransaction(() -> {
            Set<UserId> admins = users.lockEnabledAdmins();
            User current = users.find(id).orElseThrow(() -> User.notFound(id));
            if (!current.enabled()) {
                return current;
            }
            if (current.roles().contains(Role.ADMIN)) {
                LastAdmin.requireAnother(admins, current);
            }
            User updated = users.update(current.disabled());
            audit.record(
                    actor,
                    "user.disable",
                    AuditFields.USER,
                    id.toString(),
                    AuditFields.of(current),
                    AuditFields.of(updated));
            return updated;
        });
    }
}
