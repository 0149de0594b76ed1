package org.openprofiles.domain.security;

import java.util.Optional;
import org.openprofiles.domain.shared.Page;
import org.openprofiles.domain.shared.PageRequest;

/** The users port. Logins are unique regardless of case. */
public interface Users {

    Optional<User> find(UserId id);

    Optional<User> findByLogin(String login);

    /** Inserts a new user; throws {@code Conflict} when the id or the login is taken. */
    void add(User user);

    /** Updates name, enabled flag and roles; throws {@code PreconditionFailed} when the version is stale. */
    User update(User user);

    /** Users ordered by login. */
    Page<User> list(PageRequest page);

    boolean anyEnabledAdmin();
}
