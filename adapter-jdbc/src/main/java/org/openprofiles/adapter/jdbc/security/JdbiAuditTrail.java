package org.openprofiles.adapter.jdbc.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.statement.StatementContext;
import org.openprofiles.adapter.jdbc.shared.JdbiTransactions;
import org.openprofiles.adapter.jdbc.shared.JsonColumns;
import org.openprofiles.domain.security.AuditEvent;
import org.openprofiles.domain.security.AuditTrail;
import org.openprofiles.domain.security.UserId;
import org.openprofiles.domain.shared.Keyset;
import org.openprofiles.domain.shared.Page;
import org.openprofiles.domain.shared.PageRequest;

/** The audit trail in table {@code audit_event}; appends join the caller's unit of work. */
public final class JdbiAuditTrail implements AuditTrail {

    private final JdbiTransactions db;

    public JdbiAuditTrail(JdbiTransactions db) {
        this.db = db;
    }

    @Override
    public void append(AuditEvent event) {
        if (!db.inUnitOfWork()) {
            // An event outside the change's transaction could survive a rolled-back change.
            throw new IllegalStateException("audit events must be appended inside the unit of work of the change");
        }
        db.withHandle(h -> h.createUpdate("""
                        INSERT INTO audit_event (id, occurred_at, actor, action, object_type, object_id, before, after)
                        VALUES (:id, :at, :actor, :action, :objectType, :objectId,
                                CAST(:before AS jsonb), CAST(:after AS jsonb))
                        """)
                .bind("id", event.id())
                .bind("at", event.occurredAt())
                .bind("actor", event.actor().map(UserId::value).orElse(null))
                .bind("action", event.action())
                .bind("objectType", event.objectType())
                .bind("objectId", event.objectId())
                .bind("before", JsonColumns.write(event.before()))
                .bind("after", JsonColumns.write(event.after()))
                .execute());
    }

    @Override
    public void appendAll(List<AuditEvent> events) {
        if (!db.inUnitOfWork()) {
            throw new IllegalStateException("audit events must be appended inside the unit of work of the change");
        }
        if (events.isEmpty()) {
            return;
        }
        db.withHandle(h -> h.createUpdate("""
                        INSERT INTO audit_event (id, occurred_at, actor, action, object_type, object_id, before, after)
                        SELECT i, t, a, n, ot, oi, CAST(b AS jsonb), CAST(f AS jsonb)
                          FROM unnest(CAST(:ids AS uuid[]), CAST(:ats AS timestamptz[]), CAST(:actors AS uuid[]),
                                      CAST(:actions AS text[]), CAST(:types AS text[]), CAST(:objects AS text[]),
                                      CAST(:befores AS text[]), CAST(:afters AS text[]))
                               AS e (i, t, a, n, ot, oi, b, f)
                        """)
                .bindArray(
                        "ids", UUID.class, events.stream().map(AuditEvent::id).toList())
                .bindArray(
                        "ats",
                        String.class,
                        events.stream()
                                .map(e ->
                                        e.occurredAt().atOffset(ZoneOffset.UTC).toString())
                                .toList())
                .bindArray(
                        "actors",
                        UUID.class,
                        events.stream()
                                .map(e -> e.actor().map(UserId::value).orElse(null))
                                .toList())
                .bindArray(
                        "actions",
                        String.class,
                        events.stream().map(AuditEvent::action).toList())
                .bindArray(
                        "types",
                        String.class,
                        events.stream().map(AuditEvent::objectType).toList())
                .bindArray(
                        "objects",
                        String.class,
                        events.stream().map(AuditEvent::objectId).toList())
                .bindArray(
                        "befores",
                        String.class,
                        events.stream().map(e -> JsonColumns.write(e.before())).toList())
                .bindArray(
                        "afters",
                        String.class,
                        events.stream().map(e -> JsonColumns.write(e.after())).toList())
                .execute());
    }

    @Override
    public Page<AuditEvent> find(Query query, PageRequest page) {
        Optional<List<String>> after = page.cursor().map(c -> db.cursors().decode(c, 2));
        List<AuditEvent> rows = db.withHandle(h -> h.createQuery("""
                        SELECT id, occurred_at, actor, action, object_type, object_id, before, after
                          FROM audit_event
                         WHERE (CAST(:actor AS uuid) IS NULL OR actor = CAST(:actor AS uuid))
                           AND (CAST(:objectType AS text) IS NULL OR object_type = CAST(:objectType AS text))
                           AND (CAST(:objectId AS text) IS NULL OR object_id = CAST(:objectId AS text))
                           AND (CAST(:action AS text) IS NULL OR action = CAST(:action AS text))
                           AND (CAST(:from AS timestamptz) IS NULL OR occurred_at >= CAST(:from AS timestamptz))
                           AND (CAST(:to AS timestamptz) IS NULL OR occurred_at < CAST(:to AS timestamptz))
                           AND (CAST(:afterTime AS timestamptz) IS NULL
                                OR (occurred_at, id) < (CAST(:afterTime AS timestamptz), CAST(:afterId AS uuid)))
                         ORDER BY occurred_at DESC, id DESC
                         LIMIT :limit
                        """)
                .bind("actor", query.actor().map(UserId::value).orElse(null))
                .bind("objectType", query.objectType().orElse(null))
                .bind("objectId", query.objectId().orElse(null))
                .bind("action", query.action().orElse(null))
                .bind("from", query.from().map(i -> i.atOffset(ZoneOffset.UTC)).orElse(null))
                .bind("to", query.to().map(i -> i.atOffset(ZoneOffset.UTC)).orElse(null))
                .bind(
                        "afterTime",
                        after.map(a -> OffsetDateTime.parse(a.get(0))).orElse(null))
                .bind("afterId", after.map(a -> UUID.fromString(a.get(1))).orElse(null))
                .bind("limit", page.limit() + 1)
                .map(JdbiAuditTrail::map)
                .list());
        return Keyset.page(
                rows,
                page.limit(),
                last -> db.cursors()
                        .encode(
                                last.occurredAt().atOffset(ZoneOffset.UTC).toString(),
                                last.id().toString()));
    }

    static AuditEvent map(ResultSet rs, StatementContext ctx) throws SQLException {
        UUID actor = rs.getObject("actor", UUID.class);
        return new AuditEvent(
                rs.getObject("id", UUID.class),
                rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                Optional.ofNullable(actor).map(UserId::new),
                rs.getString("action"),
                rs.getString("object_type"),
                rs.getString("object_id"),
                JsonColumns.readMap(rs.getString("before")),
                JsonColumns.readMap(rs.getString("after")));
    }
}
