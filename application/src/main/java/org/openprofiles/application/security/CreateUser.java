package org.openprofiles.application.security;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
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
 * An admin creates a user, optionally with a given id (a migration keeps the GUIDs users already
 * have elsewhere). A taken id or login is a conflict and leaves nothing behind.
 */
public final class CreateUser {

    /** The new user: {@code id} empty means "make one up"; e-mail and UPN are optional. */
    public record Command(
            Optional<UserId> id,
            String login,
            String displayName,
            Set<Role> roles,
            Optional<String> email,
            Optional<String> userPrincipalName) {
        public Command {
            id = id == null ? Optional.empty() : id;
            roles = roles == null ? Set.of() : Set.copyOf(roles);
            email = email == null ? Optional.empty() : email;
            userPrincipalName = userPrincipalName == null ? Optional.empty() : userPrincipalName;
        }

        /** A user without addresses. */
        public Command(Optional<UserId> id, String login, String displayName, Set<Role> roles) {
            this(id, login, displayName, roles, Optional.empty(), Optional.empty());
        }
    }

    private final AccessPolicy policy;
    private final Transactions transactions;
    private final Users users;
    private final Audit audit;
    private final Clock clock;

    public CreateUser(AccessPolicy policy, Transactions transactions, Users users, Audit audit, Clock clock) {
        this.policy = policy;
        this.transactions = transactions;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    public User create(Principal actor, Command command) {
        policy.require(actor, Action.MANAGE_USERS, Resource.of(AuditFields.USER));
        User user = User.create(
                        command.id().orElseGet(UserId::random),
                        command.login(),
                        command.displayName(),
                        command.roles(),
                        clock.instant())
                .withAddresses(command.email(), command.userPrincipalName());
        return transactions.inTransaction(() -> {
            if (command.id().isPresent() && users.find(user.id()).isPresent()) {
                throw User.idTaken(user.id());
            }
            if (users.findByLogin(user.login()).isPresent()) {
                throw User.loginTaken(user.login());
            }
            // The unique indexes still decide when two creations race; the port maps that to a Conflict too.
            users.add(user);
            audit.record(actor, "user.create", AuditFields.USER, user.id().toString(), Map.of(), AuditFields.of(user));
            return user;
        });
    }
}
