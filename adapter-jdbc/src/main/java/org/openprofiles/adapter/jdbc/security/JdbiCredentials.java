package org.openprofiles.adapter.jdbc.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.statement.StatementContext;
import org.openprofiles.adapter.jdbc.shared.JdbiTransactions;
import org.openprofiles.application.shared.ChangeFeed;
import org.openprofiles.domain.security.ApiToken;
import org.openprofiles.domain.security.Credentials;
import org.openprofiles.domain.security.TokenId;
import org.openprofiles.domain.security.TokenOwner;
import org.openprofiles.domain.security.UserId;
import org.openprofiles.domain.shared.Keyset;
import org.openprofiles.domain.shared.Page;
import org.openprofiles.domain.shared.PageRequest;

/** API tokens in table {@code api_token}, found by the unique index on their hash. */
public final class JdbiCredentials implements Credentials {

    private static final String COLUMNS = "id, user_id, name, hash, created_at, expires_at, revoked_at";

    private final JdbiTransactions db;

    public JdbiCredentials(JdbiTransactions db) {
        this.db = db;
    }

    @Override
    public Optional<ApiToken> findByHash(String hash) {
        return db.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM api_token WHERE hash = :hash")
                .bind("hash", hash)
                .map(JdbiCredentials::map)
                .findOne());
    }

    @Override
    public Optional<TokenOwner> findWithOwner(String hash) {
        return db.withHandle(h -> h.createQuery("""
                        SELECT t.id, t.user_id, t.name, t.hash, t.created_at, t.expires_at, t.revoked_at,
                               u.id AS owner_id, u.login AS owner_login, u.display_name AS owner_display_name,
                               u.enabled AS owner_enabled, u.roles AS owner_roles, u.created_at AS owner_created_at,
                               u.version AS owner_version, u.email AS owner_email,
                               u.user_principal_name AS owner_user_principal_name
                          FROM api_token t
                          JOIN app_user u ON u.id = t.user_id
                         WHERE t.hash = :hash
                        """)
                .bind("hash", hash)
                .map((rs, ctx) -> new TokenOwner(map(rs, ctx), JdbiUsers.map(rs, "owner_")))
                .findOne());
    }

    @Override
    public Optional<ApiToken> find(TokenId id) {
        return db.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM api_token WHERE id = :id")
                .bind("id", id.value())
                .map(JdbiCredentials::map)
                .findOne());
    }

    @Override
    public void add(ApiToken token) {
        db.withHandle(h -> h.createUpdate("""
                        INSERT INTO api_token (id, user_id, name, hash, created_at, expires_at, revoked_at)
                        VALUES (:id, :userId, :name, :hash, :createdAt, :expiresAt, :revokedAt)
                        """)
                .bind("id", token.id().value())
                .bind("userId", token.userId().value())
                .bind("name", token.name())
                .bind("hash", token.hash())
                .bind("createdAt", token.createdAt())
                .bind("expiresAt", token.expiresAt().orElse(null))
                .bind("revokedAt", token.revokedAt().orElse(null))
                .execute());
    }

    @Override
    public boolean revoke(TokenId id, Instant at) {
        boolean revoked = db.withHandle(h -> h.createUpdate(
                                "UPDATE api_token SET revoked_at = :at WHERE id = :id AND revoked_at IS NULL")
                        .bind("id", id.value())
                        .bind("at", at)
                        .execute())
                == 1;
        if (revoked) {
            db.changed(new ChangeFeed.Change(ChangeFeed.Topic.API_TOKEN, id.value()));
        }
        return revoked;
    }

    @Override
    public Page<ApiToken> listFor(UserId user, PageRequest page) {
        Optional<List<String>> after = page.cursor().map(c -> db.cursors().decode(c, 2));
        List<ApiToken> rows = db.withHandle(h -> h.createQuery("SELECT " + COLUMNS + """
                         FROM api_token
                        WHERE user_id = :user
                          AND (CAST(:afterTime AS timestamptz) IS NULL
                               OR (created_at, id) < (CAST(:afterTime AS timestamptz), CAST(:afterId AS uuid)))
                        ORDER BY created_at DESC, id DESC
                        LIMIT :limit
                        """)
                .bind("user", user.value())
                .bind(
                        "afterTime",
                        after.map(a -> OffsetDateTime.parse(a.get(0))).orElse(null))
                .bind("afterId", after.map(a -> UUID.fromString(a.get(1))).orElse(null))
                .bind("limit", page.limit() + 1)
                .map(JdbiCredentials::map)
                .list());
        return Keyset.page(
                rows,
                page.limit(),
                last -> db.cursors()
                        .encode(
                                last.createdAt().atOffset(ZoneOffset.UTC).toString(),
                                last.id().toString()));
    }

    static ApiToken map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new ApiToken(
                new TokenId(rs.getObject("id", UUID.class)),
                new UserId(rs.getObject("user_id", UUID.class)),
                rs.getString("name"),
                rs.getString("hash"),
                instant(rs, "created_at").orElseThrow(),
                instant(rs, "expires_at"),
                instant(rs, "revoked_at"));
    }

    static Optional<Instant> instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return Optional.ofNullable(value).map(OffsetDateTime::toInstant);
    }
}
