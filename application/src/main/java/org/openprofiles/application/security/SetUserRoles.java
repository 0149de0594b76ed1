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
 * An admin replaces a user's roles. Taking the admin role from the last enabled admin is refused;
 * setting the roles a user already has changes nothing and records nothing.
 */
public final class SetUserRoles {

    private final AccessPolicy policy;
    private final Transactions transactions;
    private final Users users;
    private final Audit audit;

    public SetUserRoles(AccessPolicy policy, Transactions transactions, Users users, Audit audit) {
        this.policy = policy;
        this.transactions = transactions;
        this.users = users;
        this.audit = audit;
    }

    public User set(Principal actor, UserId id, Set<Role> roles) {
        policy.require(actor, Action.MANAGE_USERS, Resource.of(AuditFields.USER));
        return transactions.inTransaction(() -> {
            Set<UserId> admins = users.lockEnabledAdmins();
            User current = users.find(id).orElseThrow(() -> User.notFound(id));
            User wanted = current.withRoles(roles);
            if (wanted.roles().equals(current.roles())) {
                return current;
            }
            if (current.enabled()
                    && current.roles().contains(Role.ADMIN)
                    && !wanted.roles().contains(Role.ADMIN)) {
                LastAdmin.requireAnother(admins, current);
            }
            User updated = users.update(wanted);
            audit.record(
                    actor,
                    "user.set-roles",
                    AuditFields.USER,
                    id.toString(),
                    AuditFields.of(current),
                    AuditFields.of(updated));
            return updated;
        });
    }
}
