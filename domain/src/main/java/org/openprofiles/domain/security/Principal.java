package org.openprofiles.domain.security;

import java.util.EnumSet;
import java.util.Set;

/**
 * Who is calling: a user and the roles it holds for this call. The domain sees only this, never a
 * token or a header.
 */
public record Principal(UserId userId, Set<Role> roles) {

    public Principal {
        if (userId == null) {
            throw new IllegalArgumentException("principal needs a user id");
        }
        roles = roles == null || roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    public boolean has(Role role) {
        return roles.contains(role) || roles.contains(Role.ADMIN);
    }

    public boolean isAdmin() {
        return roles.contains(Role.ADMIN);
    }

    public boolean is(UserId user) {
        return userId.equals(user);
    }
}
