package org.openprofiles.application.security;

import java.util.Optional;
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
 * An admin sets a user's e-mail address and user principal name (empty removes them), which
 * certificate templates may put into certificates. Setting what the user already has changes
 * nothing and records nothing.
 */
public final class SetUserAddresses {

    private final AccessPolicy policy;
    private final Transactions transactions;
    private final Users users;
    private final Audit audit;

    public SetUserAddresses(AccessPolicy policy, Transactions transactions, Users users, Audit audit) {
        this.policy = policy;
        this.transactions = transactions;
        this.users = users;
        this.audit = audit;
    }

    public User set(Principal actor, UserId id, Optional<String> email, Optional<String> userPrincipalName) {
        policy.require(actor, Action.MANAGE_USERS, Resource.of(AuditFields.USER));
        return transactions.inTransaction(() -> {
            User current = users.find(id).orElseThrow(() -> User.notFound(id));
            User wanted = current.withAddresses(email, userPrincipalName);
            if (wanted.equals(current)) {
                return current;
            }
            User updated = users.update(wanted);
            audit.record(
                    actor,
                    "user.set-addresses",
                    AuditFields.USER,
                    id.toString(),
                    AuditFields.of(current),
                    AuditFields.of(updated));
            return updated;
        });
    }
}
