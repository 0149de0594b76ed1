package org.openprofiles.domain.security;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.openprofiles.domain.shared.Addresses;
import org.openprofiles.domain.shared.Conflict;
import org.openprofiles.domain.shared.Invalid;
import org.openprofiles.domain.shared.NotFound;
import org.openprofiles.domain.shared.PreconditionFailed;

/**
 * A person or system account that may call the service. The e-mail address and the user principal
 * name are optional; certificate templates may put them into a certificate's subject or
 * alternative names.
 */
public record User(
        UserId id,
        String login,
        String displayName,
        boolean enabled,
        Set<Role> roles,
        Instant createdAt,
        long version,
        Optional<String> email,
        Optional<String> userPrincipalName) {

    public static final int MAX_LOGIN_LENGTH = 128;
    /** RFC 5321's limit of a forward path. */
    public static final int MAX_EMAIL_LENGTH = 254;

    public static final int MAX_UPN_LENGTH = 1024;

    /** A user without e-mail address or user principal name. */
    public User(
            UserId id,
            String login,
            String displayName,
            boolean enabled,
            Set<Role> roles,
            Instant createdAt,
            long version) {
        this(id, login, displayName, enabled, roles, createdAt, version, Optional.empty(), Optional.empty());
    }

    public User {
        if (id == null || createdAt == null) {
            throw new IllegalArgumentException("user needs an id and a creation time");
        }
        login = checkLogin(login);
        displayName = displayName == null || displayName.isBlank() ? login : displayName.strip();
        if (displayName.length() > 256) {
            throw new Invalid("too_long", "displayName", "displayName must be at most 256 characters");
        }
        roles = roles == null || roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        email = Addresses.check(email, "email", MAX_EMAIL_LENGTH, true);
        userPrincipalName = Addresses.check(userPrincipalName, "userPrincipalName", MAX_UPN_LENGTH, false);
    }

    /** A new, enabled user. */
    public static User create(UserId id, String login, String displayName, Set<Role> roles, Instant now) {
        return new User(id, login, displayName, true, roles, now, 1);
    }

    public User withRoles(Set<Role> newRoles) {
        return new User(id, login, displayName, enabled, newRoles, createdAt, version, email, userPrincipalName);
    }

    /** This user with another e-mail address and user principal name (empty: none). */
    public User withAddresses(Optional<String> newEmail, Optional<String> newUserPrincipalName) {
        return new User(id, login, displayName, enabled, roles, createdAt, version, newEmail, newUserPrincipalName);
    }

    public User disabled() {
        return new User(id, login, displayName, false, roles, createdAt, version, email, userPrincipalName);
    }

    public User reenabled() {
        return new User(id, login, displayName, true, roles, createdAt, version, email, userPrincipalName);
    }

    public Principal asPrincipal() {
        return new Principal(id, roles);
    }

    private static String checkLogin(String login) {
        if (login == null || login.isBlank()) {
            throw new Invalid("required", "login", "login is required");
        }
        String trimmed = login.strip();
        if (trimmed.length() > MAX_LOGIN_LENGTH) {
            throw new Invalid("too_long", "login", "login must be at most " + MAX_LOGIN_LENGTH + " characters");
        }
        if (!trimmed.matches("[\\p{L}\\p{N}._@\\\\-]+")) {
            throw new Invalid(
                    "invalid_characters",
                    "login",
                    "login may contain letters, digits, '.', '_', '-', '@' and '\\' only");
        }
        return trimmed;
    }

    /** The failure for a new user whose id another user has. */
    public static Conflict idTaken(UserId id) {
        return new Conflict("user_id_taken", "id", "a user with id " + id + " already exists");
    }

    /** The failure for a new user whose login another user has, in any case. */
    public static Conflict loginTaken(String login) {
        return new Conflict("login_taken", "login", "a user with login '" + login + "' already exists");
    }

    /** The failure for a change based on a version of the user that is no longer the stored one. */
    public static PreconditionFailed changedMeanwhile() {
        return new PreconditionFailed("stale_version", "version", "the user was changed by someone else; reload it");
    }

    /** The failure for a user that does not exist. */
    public static NotFound notFound(UserId id) {
        return new NotFound("user_not_found", "no user " + id);
    }
}
