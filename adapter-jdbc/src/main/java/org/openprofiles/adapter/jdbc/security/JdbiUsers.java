package org.openprofiles.adapter.jdbc.security;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.openprofiles.adapter.jdbc.shared.JdbiTransactions;
import org.openprofiles.adapter.jdbc.shared.PlainJdbc;
import org.openprofiles.adapter.jdbc.shared.Sql;
import org.openprofiles.application.shared.ChangeFeed;
import org.openprofiles.domain.security.Role;
import org.openprofiles.domain.security.User;
import org.openprofiles.domain.security.UserId;
import org.openprofiles.domain.security.Users;
import org.openprofiles.domain.shared.Conflict;
import org.openprofiles.domain.shared.Keyset;
import org.openprofiles.domain.shared.Page;
import org.openprofiles.domain.shared.PageRequest;
import org.postgresql.util.PSQLException;

/** Users in table {@code app_user}; roles are a text array of their wire names. */
public final class JdbiUsers implements Users {

    private static final String COLUMNS =
            "id, login, display_name, enabled, roles, created_at, version, email, user_principal_name";

    private final JdbiTransactions db;

    public JdbiUsers(JdbiTransactions db) {
        this.db = db;
    }

    @Override
    public Optional<User> find(UserId id) {
        return db.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM app_user WHERE id = :id")
                .bind("id", id.value())
                .map(JdbiUsers::map)
                .findOne());
    }

    @Override
    public Optional<User> findByLogin(String login) {
        return db.withHandle(
                h -> h.createQuery("SELECT " + COLUMNS + " FROM app_user WHERE lower(login) = lower(:login)")
                        .bind("login", login)
                        .map(JdbiUsers::map)
                        .findOne());
    }

    @Override
    public void add(User user) {
        try {
            db.withHandle(h -> h.createUpdate("""
                            INSERT INTO app_user (id, login, display_name, enabled, roles, created_at, updated_at, version,
                                                  email, user_principal_name)
                            VALUES (:id, :login, :displayName, :enabled, :roles, :createdAt, :createdAt, 1, :email, :upn)
                            """)
                    .bind("id", user.id().value())
                    .bind("login", user.login())
                    .bind("displayName", user.displayName())
                    .bind("enabled", user.enabled())
                    .bind("roles", roleNames(user.roles()))
                    .bind("createdAt", user.createdAt())
                    .bind("email", user.email().orElse(null))
                    .bind("upn", user.userPrincipalName().orElse(null))
                    .execute());
        } catch (UnableToExecuteStatementException e) {
            if (Sql.isUniqueViolation(e)) {
                // The primary key names the id; the other unique index is the case-insensitive login.
                boolean idTaken =
                        violatedConstraint(e).filter("app_user_pkey"::equals).isPresent();
                throw idTaken ? User.idTaken(user.id()) : User.loginTaken(user.login());
            }
            throw e;
        }
    }

    @Override
    public Map<UserId, User> findAll(Collection<UserId> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        UUID[] keys = ids.stream().map(UserId::value).distinct().toArray(UUID[]::new);
        Map<UserId, User> found = new HashMap<>();
        db.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM app_user WHERE id = ANY (:ids)")
                        .bind("ids", keys)
                        .map(JdbiUsers::map)
                        .list())
                .forEach(user -> found.put(user.id(), user));
        return found;
    }

    @Override
    public Map<String, User> findByLogins(Collection<String> logins) {
        if (logins.isEmpty()) {
            return Map.of();
        }
        String[] keys = logins.stream().map(JdbiUsers::lower).distinct().toArray(String[]::new);
        Map<String, User> found = new HashMap<>();
        db.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM app_user WHERE lower(login) = ANY (:logins)")
                        .bind("logins", keys)
                        .map(JdbiUsers::map)
                        .list())
                .forEach(user -> found.put(lower(user.login()), user));
        return found;
    }

    @Override
    public void addAll(List<User> users) {
        if (users.isEmpty()) {
            return;
        }
        // One statement over arrays, whatever the count: a bulk import of 10,000 users is one round trip.
        try {
            db.withHandle(h -> h.createUpdate("""
                            INSERT INTO app_user (id, login, display_name, enabled, roles, created_at, updated_at, version)
                            SELECT u.id, u.login, u.display_name, u.enabled, string_to_array(u.roles, ','),
                                   u.created_at, u.created_at, 1
                              FROM unnest(CAST(:ids AS uuid[]), CAST(:logins AS text[]), CAST(:names AS text[]),
                                          CAST(CAST(:enabled AS text[]) AS boolean[]), CAST(:roles AS text[]),
                                          CAST(CAST(:createdAt AS text[]) AS timestamptz[]))
                                   AS u (id, login, display_name, enabled, roles, created_at)
                            """)
                    .bind("ids", users.stream().map(u -> u.id().value()).toArray(UUID[]::new))
                    .bind("logins", users.stream().map(User::login).toArray(String[]::new))
                    .bind("names", users.stream().map(User::displayName).toArray(String[]::new))
                    // Booleans and times travel as text arrays (cast in the statement): Jdbi binds String[] natively.
                    .bind(
                            "enabled",
                            users.stream()
                                    .map(u -> Boolean.toString(u.enabled()))
                                    .toArray(String[]::new))
                    .bind(
                            "roles",
                            users.stream()
                                    .map(u -> String.join(",", roleNames(u.roles())))
                                    .toArray(String[]::new))
                    .bind(
                            "createdAt",
                            users.stream().map(u -> u.createdAt().toString()).toArray(String[]::new))
                    .execute());
        } catch (UnableToExecuteStatementException e) {
            if (Sql.isUniqueViolation(e)) {
                boolean idTaken =
                        violatedConstraint(e).filter("app_user_pkey"::equals).isPresent();
                throw idTaken
                        ? new Conflict("user_id_taken", "id", "a user with one of these ids already exists")
                        : new Conflict("login_taken", "login", "a user with one of these logins already exists");
            }
            throw e;
        }
    }

    private static String lower(String login) {
        return login.toLowerCase(Locale.ROOT);
    }

    @Override
    public User update(User user) {
        Optional<User> updated = db.withHandle(h -> h.createQuery("""
                        UPDATE app_user
                           SET display_name = :displayName, enabled = :enabled, roles = :roles,
                               email = :email, user_principal_name = :upn,
                               updated_at = now(), version = version + 1
                         WHERE id = :id AND version = :version
                        RETURNING """ + " " + COLUMNS)
                .bind("id", user.id().value())
                .bind("displayName", user.displayName())
                .bind("enabled", user.enabled())
                .bind("roles", roleNames(user.roles()))
                .bind("email", user.email().orElse(null))
                .bind("upn", user.userPrincipalName().orElse(null))
                .bind("version", user.version())
                .map(JdbiUsers::map)
                .findOne());
        User stored = updated.orElseThrow(
                () -> find(user.id()).isPresent() ? User.changedMeanwhile() : User.notFound(user.id()));
        db.changed(new ChangeFeed.Change(ChangeFeed.Topic.USER, user.id().value()));
        return stored;
    }

    @Override
    public Page<User> list(PageRequest page) {
        Optional<String> after =
                page.cursor().map(c -> db.cursors().decode(c, 1).get(0));
        List<User> rows = db.withHandle(h -> h.createQuery("SELECT " + COLUMNS + """
                         FROM app_user
                        WHERE (CAST(:after AS text) IS NULL OR lower(login) > lower(CAST(:after AS text)))
                        ORDER BY lower(login)
                        LIMIT :limit
                        """)
                .bind("after", after.orElse(null))
                .bind("limit", page.limit() + 1)
                .map(JdbiUsers::map)
                .list());
        return Keyset.page(rows, page.limit(), last -> db.cursors().encode(last.login()));
    }

    @Override
    public boolean anyEnabledAdmin() {
        // With JDBC itself: every start asks this before it serves (see PlainJdbc).
        return db.withHandle(h -> PlainJdbc.queryText(
                        h,
                        "SELECT CAST(EXISTS (SELECT 1 FROM app_user WHERE enabled AND 'admin' = ANY (roles)) AS text)")
                .map(Boolean::parseBoolean)
                .orElseThrow());
    }

    @Override
    public Set<UserId> lockEnabledAdmins() {
        // A stable lock order (by id) keeps two concurrent callers from deadlocking each other.
        return db.withHandle(h -> h.createQuery("""
                        SELECT id FROM app_user WHERE enabled AND 'admin' = ANY (roles) ORDER BY id FOR UPDATE
                        """)
                .map((rs, ctx) -> new UserId(rs.getObject("id", UUID.class)))
                .set());
    }

    private static Optional<String> violatedConstraint(UnableToExecuteStatementException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof PSQLException psql && psql.getServerErrorMessage() != null) {
                return Optional.ofNullable(psql.getServerErrorMessage().getConstraint());
            }
        }
        return Optional.empty();
    }

    private static String[] roleNames(Set<Role> roles) {
        return roles.stream().map(Role::wireName).sorted().toArray(String[]::new);
    }

    static User map(ResultSet rs, StatementContext ctx) throws SQLException {
        return map(rs, "");
    }

    /** The user in the row's columns named {@code prefix} + the column (a join names them apart). */
    static User map(ResultSet rs, String prefix) throws SQLException {
        Array array = rs.getArray(prefix + "roles");
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : (String[]) array.getArray()) {
            Role.fromWireName(name).ifPresent(roles::add);
        }
        return new User(
                new UserId(rs.getObject(prefix + "id", UUID.class)),
                rs.getString(prefix + "login"),
                rs.getString(prefix + "display_name"),
                rs.getBoolean(prefix + "enabled"),
                roles,
                rs.getObject(prefix + "created_at", OffsetDateTime.class).toInstant(),
                rs.getLong(prefix + "version"),
                Optional.ofNullable(rs.getString(prefix + "email")),
                Optional.ofNullable(rs.getString(prefix + "user_principal_name")));
    }
}
