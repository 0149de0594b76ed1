package org.openprofiles.application.security;

import java.util.Set;
import org.openprofiles.domain.security.User;
import org.openprofiles.domain.security.UserId;
import org.openprofiles.domain.shared.Conflict;

/** The rule that the service always keeps at least one enabled admin, or nobody could manage it. */
final class LastAdmin {

    private LastAdmin() {}

    /**
     * Refuses a change after which {@code user} is no longer an enabled admin when nobody else is:
     * {@code admins} are the enabled admins, locked by the caller's unit of work.
     */
    static void requireAnother(Set<UserId> admins, User user) {
        if (admins.stream().allMatch(user.id()::equals)) {
            throw new Conflict(
                    "last_admin", "user " + user.login() + " is the last enabled admin; make another user admin first");
        }
    }
}
