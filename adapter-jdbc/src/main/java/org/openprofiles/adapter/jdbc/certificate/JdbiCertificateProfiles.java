package org.openprofiles.adapter.jdbc.certificate;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.openprofiles.adapter.jdbc.shared.JdbiTransactions;
import org.openprofiles.adapter.jdbc.shared.Sql;
import org.openprofiles.domain.certificate.CertificateProfile;
import org.openprofiles.domain.certificate.CertificateProfileId;
import org.openprofiles.domain.certificate.CertificateProfiles;
import org.openprofiles.domain.certificate.ProfileStatus;
import org.openprofiles.domain.certificate.StatusFilter;
import org.openprofiles.domain.certificate.TemplateId;
import org.openprofiles.domain.security.UserId;
import org.openprofiles.domain.shared.Invalid;
import org.openprofiles.domain.shared.Keyset;
import org.openprofiles.domain.shared.Page;
import org.openprofiles.domain.shared.PageRequest;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * Certificate profiles in {@code certificate_profile}. A user's list is read in recorded order
 * ({@code seq}) with keyset paging, from the index on (user, seq) or (user, status, seq).
 */
public final class JdbiCertificateProfiles implements CertificateProfiles {

    /** The columns every query of this class selects first, in this order ({@link #row} reads them by position). */
    private static final String COLUMNS = "id, seq, status, flags, parent_profile_id, primary_profile_id, "
            + "assigned_user_id, template_id, template_version, comment, created_at, updated_at";

    /** The columns {@link ProfileCopy} writes, in its order. */
    private static final String COPY_IN = "COPY certificate_profile (" + ProfileCopy.COLUMNS + ") FROM STDIN BINARY";

    /** How much of a COPY is sent at a time. */
    private static final int COPY_BUFFER = 64 * 1024;

    /** The savepoint that {@link #addAllIfNew} rolls back to. */
    private static final String ADD_IF_NEW = "add_profiles_if_new";

    private final JdbiTransactions db;

    public JdbiCertificateProfiles(JdbiTransactions db) {
        this.db = db;
    }

    /** A profile with its position in recorded order, which the cursor carries. */
    private record Row(CertificateProfile profile, long seq) {}

    @Override
    public Optional<CertificateProfile> find(CertificateProfileId id) {
        return db.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM certificate_profile WHERE id = :id")
                .bind("id", id.value())
                .map(JdbiCertificateProfiles::row)
                .findOne()
                .map(Row::profile));
    }

    @Override
    public Optional<CertificateProfile> lock(CertificateProfileId id) {
        return db.withHandle(
                h -> h.createQuery("SELECT " + COLUMNS + " FROM certificate_profile WHERE id = :id FOR UPDATE")
                        .bind("id", id.value())
                        .map(JdbiCertificateProfiles::row)
                        .findOne()
                        .map(Row::profile));
    }

    @Override
    public void update(CertificateProfile profile) {
        db.withHandle(h -> h.createUpdate("""
                        UPDATE certificate_profile
                           SET status = :status, comment = :comment, updated_at = :updatedAt, version = version + 1
                         WHERE id = :id
                        """)
                .bind("id", profile.id().value())
                .bind("status", column(profile.status()))
                .bind("comment", profile.comment())
                .bind("updatedAt", profile.updatedAt())
                .execute());
    }

    @Override
    public Map<CertificateProfileId, CertificateProfile> findAll(Collection<CertificateProfileId> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        List<Row> rows = db.withHandle(h -> h.createQuery(
                        "SELECT " + COLUMNS + " FROM certificate_profile WHERE id = ANY (:ids) ORDER BY seq")
                .bind(
                        "ids",
                        ids.stream().map(CertificateProfileId::value).distinct().toArray(UUID[]::new))
                .map(JdbiCertificateProfiles::row)
                .list());
        Map<CertificateProfileId, CertificateProfile> found = new LinkedHashMap<>();
        rows.forEach(row -> found.put(row.profile().id(), row.profile()));
        return found;
    }

    @Override
    public Page<CertificateProfile> findByUser(UserId user, StatusFilter filter, PageRequest page) {
        if (filter.matchesNothing()) {
            return Page.last(List.of());
        }
        Optional<Long> after =
                page.cursor().map(c -> afterSeq(db.cursors().decode(c, 1).get(0)));
        String[] statuses = filter.statuses()
                .map(set -> set.stream().map(JdbiCertificateProfiles::column).toArray(String[]::new))
                .orElse(null);
        // The statement names only what this request filters on: fewer arguments to bind, and a
        // plan for exactly this shape (a user's first page is the common case).
        String sql = "SELECT " + COLUMNS + " FROM certificate_profile WHERE assigned_user_id = :user"
                + (statuses == null ? "" : " AND status = ANY (CAST(:statuses AS text[]))")
                + (after.isEmpty() ? "" : " AND seq > :after")
                + " ORDER BY seq LIMIT :limit";
        List<Row> rows = db.withHandle(h -> {
            var query = h.createQuery(sql).bind("user", user.value()).bind("limit", page.limit() + 1);
            if (statuses != null) {
                query.bind("statuses", statuses);
            }
            after.ifPresent(seq -> query.bind("after", seq));
            return query.map(JdbiCertificateProfiles::row).list();
        });
        return Keyset.page(rows, page.limit(), last -> db.cursors().encode(Long.toString(last.seq())))
                .map(Row::profile);
    }

    @Override
    public void addAll(List<CertificateProfile> profiles) {
        if (profiles.isEmpty()) {
            return;
        }
        db.withHandle(h -> {
            copy(h, profiles);
            return null;
        });
    }

    @Override
    public boolean addAllIfNew(List<CertificateProfile> profiles) {
        if (profiles.isEmpty()) {
            return true;
        }
        return db.withHandle(h -> {
            // In the caller's unit of work a failed COPY is undone alone (a savepoint): the unit
            // goes on to find out which profile was at fault. Outside one, the COPY is its own
            // transaction and a failure leaves nothing anyway.
            boolean inUnit = db.inUnitOfWork();
            if (inUnit) {
                h.savepoint(ADD_IF_NEW);
            }
            try {
                copy(h, profiles);
            } catch (UnableToExecuteStatementException e) {
                Optional<String> state = Sql.state(e);
                // An id already here (the primary key), or a user or template missing (V63's check,
                // which answers as the foreign key did).
                if (state.filter(s -> s.equals(Sql.UNIQUE_VIOLATION) || s.equals(Sql.FOREIGN_KEY_VIOLATION))
                        .isEmpty()) {
                    throw e;
                }
                if (inUnit) {
                    h.rollbackToSavepoint(ADD_IF_NEW);
                }
                return false;
            }
            if (inUnit) {
                h.releaseSavepoint(ADD_IF_NEW);
            }
            return true;
        });
    }

    /**
     * One binary COPY, however many: the rows go to PostgreSQL in its own binary format (16 bytes
     * a UUID, 8 a time), so neither side formats or parses text, and they are inserted in the
     * order of the list, which is the order seq numbers them and lists show them in. Its round
     * trips do not grow with the count (JdbiProfileImportCostTest).
     */
    private static void copy(Handle h, List<CertificateProfile> profiles) {
        try {
            CopyManager copy = h.getConnection().unwrap(PGConnection.class).getCopyAPI();
            try (OutputStream out = new PGCopyOutputStream(copy.copyIn(COPY_IN), COPY_BUFFER)) {
                ProfileCopy.write(profiles, out);
            }
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException(e, null);
        } catch (IOException e) {
            // PGCopyOutputStream reports a failed COPY (a constraint, a lost connection) this way.
            throw new UnableToExecuteStatementException(e.getCause() instanceof SQLException sql ? sql : e, null);
        }
    }

    static String column(ProfileStatus status) {
        return status.name().toLowerCase(Locale.ROOT);
    }

    /** The recorded-order position a cursor of this package's lists carries. */
    static long afterSeq(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            // A cursor that decodes but carries no position was not issued by this route.
            throw new Invalid("invalid_cursor", "cursor", "the cursor is not one this service issued");
        }
    }

    /** A row of {@link #COLUMNS}, read by position: every listing maps each of its rows here. */
    static Row row(ResultSet rs, StatementContext ctx) throws SQLException {
        UUID parent = rs.getObject(5, UUID.class);
        UUID primary = rs.getObject(6, UUID.class);
        CertificateProfile profile = new CertificateProfile(
                new CertificateProfileId(rs.getObject(1, UUID.class)),
                ProfileStatus.fromName(rs.getString(3)).orElseThrow(),
                rs.getInt(4),
                Optional.ofNullable(parent).map(CertificateProfileId::new),
                Optional.ofNullable(primary).map(CertificateProfileId::new),
                new UserId(rs.getObject(7, UUID.class)),
                new TemplateId(rs.getObject(8, UUID.class)),
                rs.getLong(9),
                rs.getString(10),
                rs.getObject(11, OffsetDateTime.class).toInstant(),
                rs.getObject(12, OffsetDateTime.class).toInstant());
        return new Row(profile, rs.getLong(2));
    }
}
