package org.openprofiles.adapter.jdbc.certificate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.StatementContext;
import org.openprofiles.adapter.jdbc.shared.JdbiTransactions;
import org.openprofiles.adapter.jdbc.shared.JsonColumns;
import org.openprofiles.domain.certificate.CertificateProfileId;
import org.openprofiles.domain.certificate.CertificateRequest;
import org.openprofiles.domain.certificate.CertificateRequests;
import org.openprofiles.domain.certificate.RequestId;
import org.openprofiles.domain.certificate.RequestStatus;
import org.openprofiles.domain.certificate.RequestType;
import org.openprofiles.domain.certificate.TemplateId;
import org.openprofiles.domain.security.Role;
import org.openprofiles.domain.security.UserId;
import org.openprofiles.domain.shared.Keyset;
import org.openprofiles.domain.shared.Page;
import org.openprofiles.domain.shared.PageRequest;

/**
 * Certificate requests in {@code certificate_request}. A user's list is read in submission order
 * ({@code seq}) with keyset paging, merging the indexes on (originator, [status,] seq) and
 * (target, [status,] seq);
 * the approvers' queue from the partial index on Pending requests (approver role, seq).
 */
public final class JdbiCertificateRequests implements CertificateRequests {

    private static final String COLUMNS = "id, seq, type, status, originator_user_id, target_user_id, template_id, "
            + "old_profile_id, new_profile_id, data_collection, comment, priority, submitted_at, completed_at, approvals_needed, approver_role";

    private final JdbiTransactions db;

    public JdbiCertificateRequests(JdbiTransactions db) {
        this.db = db;
    }

    /** A request with its position in submission order, which the cursor carries. */
    private record Row(CertificateRequest request, long seq) {}

    @Override
    public Optional<CertificateRequest> find(RequestId id) {
        return one("SELECT " + COLUMNS + " FROM certificate_request WHERE id = :id", id);
    }

    @Override
    public Optional<CertificateRequest> lock(RequestId id) {
        return one("SELECT " + COLUMNS + " FROM certificate_request WHERE id = :id FOR UPDATE", id);
    }

    private Optional<CertificateRequest> one(String sql, RequestId id) {
        return db.withHandle(h -> h.createQuery(sql)
                .bind("id", id.value())
                .map(JdbiCertificateRequests::row)
                .findOne()
                .map(Row::request));
    }

    @Override
    public void add(CertificateRequest r) {
        db.withHandle(h -> h.createUpdate("""
                        INSERT INTO certificate_request (id, type, status, originator_user_id, target_user_id,
                                                         template_id, old_profile_id, new_profile_id, data_collection,
                                                         comment, priority, submitted_at, completed_at,
                                                         approvals_needed, approver_role)
                        VALUES (:id, :type, :status, :originator, :target, :template, :oldProfile, :newProfile,
                                CAST(:data AS jsonb), :comment, :priority, :submitted, :completed, :approvalsNeeded,
                                :approverRole)
                        """)
                .bind("id", r.id().value())
                .bind("type", column(r.type()))
                .bind("status", column(r.status()))
                .bind("originator", r.originator().value())
                .bind("target", r.target().value())
                .bind("template", r.template().value())
                .bind(
                        "oldProfile",
                        r.oldProfile().map(CertificateProfileId::value).orElse(null))
                .bind(
                        "newProfile",
                        r.newProfile().map(CertificateProfileId::value).orElse(null))
                .bind(
                        "data",
                        JsonColumns.write(r.dataCollection().stream()
                                .map(item -> Map.of("name", item.name(), "value", item.value()))
                                .toList()))
                .bind("comment", r.comment())
                .bind("priority", r.priority())
                .bind("submitted", r.submitted())
                .bind("completed", r.completed().orElse(null))
                .bind("approvalsNeeded", r.approvalRule().needed())
                .bind(
                        "approverRole",
                        r.approvalRule().approverRole().map(Role::wireName).orElse(null))
                .execute());
    }

    @Override
    public boolean addDecision(RequestId id, UserId approver, boolean approved, Instant at) {
        return db.withHandle(h -> h.createUpdate("""
                        INSERT INTO certificate_request_decision (request_id, approver_id, approved, decided_at)
                        VALUES (:id, :approver, :approved, :at)
                        ON CONFLICT (request_id, approver_id) DO NOTHING
                        """)
                        .bind("id", id.value())
                        .bind("approver", approver.value())
                        .bind("approved", approved)
                        .bind("at", at)
                        .execute())
                == 1;
    }

    @Override
    public int approvals(RequestId id) {
        return db.withHandle(h -> h.createQuery(
                        "SELECT count(*) FROM certificate_request_decision WHERE request_id = :id AND approved")
                .bind("id", id.value())
                .mapTo(Integer.class)
                .one());
    }

    @Override
    public Optional<KeyUse> claimKey(UserId user, String key, String fingerprint, Instant now) {
        return db.withHandle(h -> {
            int claimed = h.createUpdate("""
                            INSERT INTO certificate_request_key (user_id, key, fingerprint, created_at)
                            VALUES (:user, :key, :fingerprint, :now)
                            ON CONFLICT (user_id, key) DO NOTHING
                            """)
                    .bind("user", user.value())
                    .bind("key", key)
                    .bind("fingerprint", fingerprint)
                    .bind("now", now)
                    .execute();
            if (claimed == 1) {
                return Optional.<KeyUse>empty();
            }
            return h.createQuery(
                            "SELECT fingerprint, request_id FROM certificate_request_key WHERE user_id = :user AND key = :key")
                    .bind("user", user.value())
                    .bind("key", key)
                    .map((rs, ctx) -> new KeyUse(
                            rs.getString("fingerprint"), new RequestId(rs.getObject("request_id", UUID.class))))
                    .findOne();
        });
    }

    @Override
    public void bindKey(UserId user, String key, RequestId request) {
        db.withHandle(h -> h.createUpdate(
                        "UPDATE certificate_request_key SET request_id = :request WHERE user_id = :user AND key = :key")
                .bind("user", user.value())
                .bind("key", key)
                .bind("request", request.value())
                .execute());
    }

    @Override
    public void update(CertificateRequest r) {
        db.withHandle(h -> h.createUpdate("""
                        UPDATE certificate_request
                           SET status = :status, new_profile_id = :newProfile, completed_at = :completed
                         WHERE id = :id
                        """)
                .bind("id", r.id().value())
                .bind("status", column(r.status()))
                .bind(
                        "newProfile",
                        r.newProfile().map(CertificateProfileId::value).orElse(null))
                .bind("completed", r.completed().orElse(null))
                .execute());
    }

    @Override
    public Page<CertificateRequest> findByParticipant(
            UserId user, Optional<RequestStatus> status, Optional<RequestType> type, PageRequest page) {
        long after = after(page);
        // Two index range scans, (originator, [status,] seq) and (target, [status,] seq), each
        // stopping at the page's size, merged: the planner never walks more than two pages of rows.
        String branch = "SELECT " + COLUMNS + """
                  FROM certificate_request
                 WHERE %s = :user
                   AND (CAST(:status AS text) IS NULL OR status = CAST(:status AS text))
                   AND (CAST(:type AS text) IS NULL OR type = CAST(:type AS text))
                   AND seq > :after
                 ORDER BY seq
                 LIMIT :limit
                """;
        List<Row> rows = db.withHandle(h -> h.createQuery("SELECT * FROM ((" + branch.formatted("originator_user_id")
                        + ") UNION (" + branch.formatted("target_user_id") + ")) AS mine ORDER BY seq LIMIT :limit")
                .bind("user", user.value())
                .bind("status", status.map(JdbiCertificateRequests::column).orElse(null))
                .bind("type", type.map(JdbiCertificateRequests::column).orElse(null))
                .bind("after", after)
                .bind("limit", page.limit() + 1)
                .map(JdbiCertificateRequests::row)
                .list());
        return page(rows, page);
    }

    @Override
    public Page<CertificateRequest> findAwaitingDecision(UserId approver, Set<Role> roles, PageRequest page) {
        if (roles.isEmpty()) {
            return Page.empty();
        }
        return inSubmissionOrder(
                """
                  FROM certificate_request r
                 WHERE status = 'pending'
                   AND approver_role = ANY(:roles)
                   AND originator_user_id <> :approver
                   AND target_user_id <> :approver
                   AND NOT EXISTS (SELECT 1 FROM certificate_request_decision d
                                    WHERE d.request_id = r.id AND d.approver_id = :approver)
                """,
                page,
                query -> query.bind("roles", roles.stream().map(Role::wireName).toArray(String[]::new))
                        .bind("approver", approver.value()));
    }

    /** One page of the requests {@code fromWhere} selects, keyset-paged in submission order ({@code seq}). */
    private Page<CertificateRequest> inSubmissionOrder(String fromWhere, PageRequest page, Consumer<Query> binds) {
        long after = after(page);
        List<Row> rows = db.withHandle(h -> {
            Query query =
                    h.createQuery("SELECT " + COLUMNS + fromWhere + " AND seq > :after ORDER BY seq LIMIT :limit");
            binds.accept(query);
            return query.bind("after", after)
                    .bind("limit", page.limit() + 1)
                    .map(JdbiCertificateRequests::row)
                    .list();
        });
        return page(rows, page);
    }

    /** The position a page's cursor resumes after (0: from the start). */
    private long after(PageRequest page) {
        return page.cursor()
                .map(c -> JdbiCertificateProfiles.afterSeq(
                        db.cursors().decode(c, 1).get(0)))
                .orElse(0L);
    }

    private Page<CertificateRequest> page(List<Row> rows, PageRequest page) {
        return Keyset.page(rows, page.limit(), last -> db.cursors().encode(Long.toString(last.seq())))
                .map(Row::request);
    }

    private static String column(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    private static Row row(ResultSet rs, StatementContext ctx) throws SQLException {
        UUID oldProfile = rs.getObject("old_profile_id", UUID.class);
        UUID newProfile = rs.getObject("new_profile_id", UUID.class);
        OffsetDateTime completed = rs.getObject("completed_at", OffsetDateTime.class);
        Object data = JsonColumns.readValue(rs.getString("data_collection"));
        List<CertificateRequest.DataItem> items = ((List<?>) data)
                .stream()
                        .map(item -> (Map<?, ?>) item)
                        .map(item ->
                                new CertificateRequest.DataItem((String) item.get("name"), (String) item.get("value")))
                        .toList();
        CertificateRequest request = new CertificateRequest(
                new RequestId(rs.getObject("id", UUID.class)),
                RequestType.valueOf(rs.getString("type").toUpperCase(Locale.ROOT)),
                RequestStatus.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)),
                new UserId(rs.getObject("originator_user_id", UUID.class)),
                new UserId(rs.getObject("target_user_id", UUID.class)),
                new TemplateId(rs.getObject("template_id", UUID.class)),
                Optional.ofNullable(oldProfile).map(CertificateProfileId::new),
                Optional.ofNullable(newProfile).map(CertificateProfileId::new),
                items,
                rs.getString("comment"),
                rs.getInt("priority"),
                rs.getObject("submitted_at", OffsetDateTime.class).toInstant(),
                Optional.ofNullable(completed).map(OffsetDateTime::toInstant),
                new CertificateRequest.ApprovalRule(
                        rs.getInt("approvals_needed"),
                        Optional.ofNullable(rs.getString("approver_role")).flatMap(Role::fromWireName)));
        return new Row(request, rs.getLong("seq"));
    }
}
