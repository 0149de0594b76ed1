package org.openprofiles.adapter.jdbc.access;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.openprofiles.adapter.jdbc.shared.Cursors;
import org.openprofiles.adapter.jdbc.shared.JdbiTransactions;
import org.openprofiles.domain.access.AcceptanceId;
import org.openprofiles.domain.access.AccessProfileId;
import org.openprofiles.domain.access.AccountId;
import org.openprofiles.domain.access.DeviationAcceptance;
import org.openprofiles.domain.access.DeviationAcceptances;
import org.openprofiles.domain.access.DeviationKey;
import org.openprofiles.domain.access.GroupId;
import org.openprofiles.domain.security.UserId;
import org.openprofiles.domain.shared.Keyset;
import org.openprofiles.domain.shared.Page;
import org.openprofiles.domain.shared.PageRequest;

/**
 * Accepted deviations in {@code deviation_acceptance}, one per account and deviation (a unique
 * index on the deviation's parts), which the {@code account_deviation} view joins to every
 * deviation it finds.
 */
public final class JdbiDeviationAcceptances implements DeviationAcceptances {

    private static final String COLUMNS =
            "id, account_id, kind, profile_id, group_id, attribute, comment, expires_at, accepted_by, accepted_at";

    /** The key condition of the unique index, for the row with the same account and deviation. */
    private static final String SAME_DEVIATION = """
            account_id = :account AND kind = :kind
               AND COALESCE(profile_id, '00000000-0000-0000-0000-000000000000')
                   = COALESCE(CAST(:profile AS uuid), '00000000-0000-0000-0000-000000000000')
               AND COALESCE(group_id, '00000000-0000-0000-0000-000000000000')
                   = COALESCE(CAST(:group AS uuid), '00000000-0000-0000-0000-000000000000')
               AND COALESCE(attribute, '') = COALESCE(CAST(:attribute AS text), '')
            """;

    private final JdbiTransactions db;

    public JdbiDeviationAcceptances(JdbiTransactions db) {
        this.db = db;
    }

    @Override
    public Optional<DeviationAcceptance> save(DeviationAcceptance acceptance) {
        DeviationKey key = acceptance.deviation();
        return db.withHandle(h -> {
            Optional<DeviationAcceptance> replaced = h.createQuery(
                            "DELETE FROM deviation_acceptance WHERE <same> RETURNING " + COLUMNS)
                    .define("same", SAME_DEVIATION)
                    .bind("account", acceptance.account().value())
                    .bind("kind", key.kind().code())
                    .bind("profile", key.profile().map(AccessProfileId::value).orElse(null))
                    .bind("group", key.group().map(GroupId::value).orElse(null))
                    .bind("attribute", key.attribute().orElse(null))
                    .map((rs, ctx) -> acceptance(rs))
                    .findOne();
            h.createUpdate("""
                            INSERT INTO deviation_acceptance (id, account_id, kind, profile_id, group_id, attribute,
                                                              comment, expires_at, accepted_by, accepted_at)
                            VALUES (:id, :account, :kind, :profile, :group, :attribute,
                                    :comment, :expiresAt, :by, :at)
                            """)
                    .bind("id", acceptance.id().value())
                    .bind("account", acceptance.account().value())
                    .bind("kind", key.kind().code())
                    .bind("profile", key.profile().map(AccessProfileId::value).orElse(null))
                    .bind("group", key.group().map(GroupId::value).orElse(null))
                    .bind("attribute", key.attribute().orElse(null))
                    .bind("comment", acceptance.comment())
                    .bind("expiresAt", acceptance.expiresAt().orElse(null))
                    .bind("by", acceptance.acceptedBy().value())
                    .bind("at", acceptance.acceptedAt())
                    .execute();
            return replaced;
        });
    }

    @Override
    public Optional<DeviationAcceptance> find(AcceptanceId id) {
        return db.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM deviation_acceptance WHERE id = :id")
                .bind("id", id.value())
                .map((rs, ctx) -> acceptance(rs))
                .findOne());
    }

    @Override
    public boolean remove(AcceptanceId id) {
        return db.withHandle(h -> h.createUpdate("DELETE FROM deviation_acceptance WHERE id = :id")
                        .bind("id", id.value())
                        .execute())
                > 0;
    }

    @Override
    public Page<DeviationAcceptance> list(Optional<AccountId> account, PageRequest page) {
        Optional<Cursors.Moment> after = page.cursor().map(db.cursors()::decodeMoment);
        List<DeviationAcceptance> rows = db.withHandle(h -> h.createQuery("SELECT " + COLUMNS + """
                         FROM deviation_acceptance
                        WHERE (CAST(:account AS uuid) IS NULL OR account_id = CAST(:account AS uuid))
                          AND (CAST(:afterAt AS timestamptz) IS NULL
                               OR (accepted_at, id) < (CAST(:afterAt AS timestamptz), CAST(:afterId AS uuid)))
                        ORDER BY accepted_at DESC, id DESC
                        LIMIT :limit
                        """)
                .bind("account", account.map(AccountId::value).orElse(null))
                .bind("afterAt", after.map(Cursors.Moment::at).orElse(null))
                .bind("afterId", after.map(Cursors.Moment::id).orElse(null))
                .bind("limit", page.limit() + 1)
                .map((rs, ctx) -> acceptance(rs))
                .list());
        return Keyset.page(
                rows,
                page.limit(),
                last -> db.cursors().encodeMoment(last.acceptedAt(), last.id().value()));
    }

    private static DeviationAcceptance acceptance(ResultSet rs) throws SQLException {
        DeviationKey key = new DeviationKey(
                DeviationKey.Kind.ofCode(rs.getString("kind")).orElseThrow(),
                Optional.ofNullable(rs.getObject("profile_id", UUID.class)).map(AccessProfileId::new),
                Optional.ofNullable(rs.getObject("group_id", UUID.class)).map(GroupId::new),
                Optional.ofNullable(rs.getString("attribute")));
        return new DeviationAcceptance(
                new AcceptanceId(rs.getObject("id", UUID.class)),
                new AccountId(rs.getObject("account_id", UUID.class)),
                key,
                rs.getString("comment"),
                Optional.ofNullable(rs.getObject("expires_at", OffsetDateTime.class))
                        .map(OffsetDateTime::toInstant),
                new UserId(rs.getObject("accepted_by", UUID.class)),
                rs.getObject("accepted_at", OffsetDateTime.class).toInstant());
    }
}
