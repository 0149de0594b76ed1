package org.openprofiles.domain.security;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.openprofiles.domain.shared.Page;
import org.openprofiles.domain.shared.PageRequest;

/** The users port. Logins are unique regardless of case. */
public interface Users {

    Optional<User> find(UserId id);

    Optional<User> findByLogin(String login);

    /** Inserts a new user; throws {@code Conflict} when the id or the login is taken. */
    void add(User user);

    /** The users among {@code ids} that exist, in one round of queries whatever the count. */
    Map<UserId, User> findAll(Collection<UserId> ids);

    /**
     * The users whose login is one of {@code logins} in any case, keyed by the lower-cased login
     * ({@code Locale.ROOT}), in one round of queries whatever the count.
     */
    Map<String, User> findByLogins(Collection<String> logins);

    /**
     * Inserts new users in one go (a bulk import); throws {@code Conflict} when any id or login is
     * taken, and then inserts none of them.
     */
    void addAll(List<User> users);

    /** Updates name, enabled flag and roles; throws {@code PreconditionFailed} when the version is stale. */
    User update(User user);

    /** Users ordered by login. */
    Page<User> list(PageRequest page);

    boolean anyEnabledAdmin();

    /**
     * The enabled admins, locked until the unit of work ends: a change that could remove the
     * last admin (disabling, taking the role away) asks first, so two such changes running at
     * once cannot both pass the check.
     */
    Set<UserId> lockEnabledAdmins();
}
