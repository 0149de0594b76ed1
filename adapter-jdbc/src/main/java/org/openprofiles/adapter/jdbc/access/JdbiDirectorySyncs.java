package org.openprofiles.adapter.jdbc.access;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.openprofiles.adapter.jdbc.shared.Cursors;
import org.openprofiles.adapter.jdbc.shared.JdbiTransactions;
import org.openprofiles.adapter.jdbc.shared.JsonColumns;
import org.openprofiles.adapter.jdbc.shared.Sql;
import org.openprofiles.domain.access.ComplianceSummary;
import org.openprofiles.domain.access.directory.DirectoryReadResult.ReadScope;
import org.openprofiles.domain.access.directory.DirectorySync;
import org.openprofiles.domain.access.directory.DirectorySyncs;
import org.openprofiles.domain.access.directory.SyncCounts;
import org.openprofiles.domain.access.directory.SyncId;
import org.openprofiles.domain.access.directory.SyncProgress;
import org.openprofiles.domain.access.directory.Watermark;
import org.openprofiles.domain.security.UserId;
import org.openprofiles.domain.shared.Conflict;
import org.openprofiles.domain.shared.Keyset;
import org.openprofiles.domain.shared.Page;
import org.openprofiles.domain.shared.PageRequest;

/**
 * Directory syncs in {@code directory_sync}. The partial unique index on running rows makes
 * "one sync at a time" hold across every server process on the database: a second start is a
 * unique violation, reported as {@code Conflict}. Progress and the final state are only ever
 * written to a row that is still running, so a late heartbeat cannot overwrite how a sync ended.
 */
public final class JdbiDirectorySyncs implements DirectorySyncs {

    private final JdbiTransactions db;

    public JdbiDirectorySyncs(JdbiTransactions db) {
        this.db = db;
    }

    @Override
    public void start(DirectorySync sync) {
        try {
            db.withHandle(h -> h.createUpdate("""
                            INSERT INTO directory_sync (id, trigger, mode, started_by, started_at, state, heartbeat_at,
                                                        phase, expected_accounts)
                            VALUES (:id, :trigger, :mode, :by, :at, 'running', :at, :phase, :expected)
                            """)
                    .bind("id", sync.id().value())
                    .bind("trigger", sync.trigger().code())
                    .bind("mode", sync.mode().code())
                    .bind("by", sync.startedBy().map(UserId::value).orElse(null))
                    .bind("at", sync.startedAt())
                    .bind("phase", sync.progress().phase().code())
                    .bind("expected", sync.progress().expectedAccounts().orElse(null))
                    .execute());
        } catch (UnableToExecuteStatementException e) {
            if (Sql.isUniqueViolation(e)) {
                throw new Conflict("sync_running", "a directory sync is running already");
            }
            throw e;
        }
    }

    @Override
    public Optional<DirectorySync> find(SyncId id) {
        return db.withHandle(h -> h.createQuery("SELECT * FROM directory_sync WHERE id = :id")
                .bind("id", id.value())
                .map((rs, ctx) -> sync(rs))
                .findOne());
    }

    @Override
    public Optional<DirectorySync> running() {
        return db.withHandle(h -> h.createQuery("SELECT * FROM directory_sync WHERE state = 'running'")
                .map((rs, ctx) -> sync(rs))
                .findFirst());
    }

    @Override
    public Page<DirectorySync> list(PageRequest page) {
        Optional<Cursors.Moment> after = page.cursor().map(db.cursors()::decodeMoment);
        List<DirectorySync> rows = db.withHandle(h -> h.createQuery("""
                        SELECT * FROM directory_sync
                         WHERE CAST(:afterAt AS timestamptz) IS NULL
                            OR (started_at, id) < (CAST(:afterAt AS timestamptz), CAST(:afterId AS uuid))
                         ORDER BY started_at DESC, id DESC
                         LIMIT :limit
                        """)
                .bind("afterAt", after.map(Cursors.Moment::at).orElse(null))
                .bind("afterId", after.map(Cursors.Moment::id).orElse(null))
                .bind("limit", page.limit() + 1)
                .map((rs, ctx) -> sync(rs))
                .list());
        return Keyset.page(
                rows,
                page.limit(),
                last -> db.cursors().encodeMoment(last.startedAt(), last.id().value()));
    }

    @Override
    public Optional<DirectorySync> lastSucceeded(boolean fullOnly) {
        return db.withHandle(h -> h.createQuery("""
                        SELECT * FROM directory_sync
                         WHERE state = 'succeeded' AND (NOT :fullOnly OR scope = 'full')
                         ORDER BY started_at DESC, id DESC
                         LIMIT 1
                        """)
                .bind("fullOnly", fullOnly)
                .map((rs, ctx) -> sync(rs))
                .findOne());
    }

    @Override
    public boolean heartbeat(SyncId id, SyncProgress progress, Instant at) {
        return db.withHandle(h -> h.createUpdate("""
                                UPDATE directory_sync
                                   SET heartbeat_at = :at, phase = :phase, progress_groups = :groups,
                                       progress_accounts = :accounts, expected_accounts = :expected
                                 WHERE id = :id AND state = 'running'
                                """)
                        .bind("id", id.value())
                        .bind("at", at)
                        .bind("phase", progress.phase().code())
                        .bind("groups", progress.groupsRead())
                        .bind("accounts", progress.accountsRead())
                        .bind("expected", progress.expectedAccounts().orElse(null))
                        .execute())
                > 0;
    }

    @Override
    public boolean finish(DirectorySync sync) {
        SyncCounts c = sync.counts();
        return db.withHandle(h -> h.createUpdate("""
                                UPDATE directory_sync
                                   SET state = :state, heartbeat_at = :heartbeat, finished_at = :finished,
                                       phase = :phase, progress_groups = :progressGroups,
                                       progress_accounts = :progressAccounts, expected_accounts = :expected,
                                       groups_read = :groupsRead, groups_added = :groupsAdded,
                                       groups_changed = :groupsChanged, groups_removed = :groupsRemoved,
                                       groups_kept = :groupsKept, accounts_read = :accountsRead,
                                       accounts_added = :accountsAdded, accounts_changed = :accountsChanged,
                                       accounts_removed = :accountsRemoved, assignments_ended = :assignmentsEnded,
                                       pages_read = :pagesRead, skipped_entries = :skipped,
                                       scope = :scope, full_read_reason = :reason, watermark = :watermark,
                                       error = :error, warnings = CAST(:warnings AS jsonb),
                                       compliance_accounts = :complianceAccounts,
                                       compliance_non_compliant = :complianceNonCompliant,
                                       compliance_accepted = :complianceAccepted
                                 WHERE id = :id AND state = 'running'
                                """)
                        .bind("id", sync.id().value())
                        .bind("state", sync.state().code())
                        .bind("heartbeat", sync.heartbeatAt())
                        .bind("finished", sync.finishedAt().orElse(null))
                        .bind("phase", sync.progress().phase().code())
                        .bind("progressGroups", sync.progress().groupsRead())
                        .bind("progressAccounts", sync.progress().accountsRead())
                        .bind("expected", sync.progress().expectedAccounts().orElse(null))
                        .bind("groupsRead", c.groupsRead())
                        .bind("groupsAdded", c.groupsAdded())
                        .bind("groupsChanged", c.groupsChanged())
                        .bind("groupsRemoved", c.groupsRemoved())
                        .bind("groupsKept", c.groupsKept())
                        .bind("accountsRead", c.accountsRead())
                        .bind("accountsAdded", c.accountsAdded())
                        .bind("accountsChanged", c.accountsChanged())
                        .bind("accountsRemoved", c.accountsRemoved())
                        .bind("assignmentsEnded", c.assignmentsEnded())
                        .bind("pagesRead", c.pagesRead())
                        .bind("skipped", c.skippedEntries())
                        .bind(
                                "scope",
                                sync.scope()
                                        .map(s -> s.name().toLowerCase(Locale.ROOT))
                                        .orElse(null))
                        .bind("reason", sync.fullReadReason().orElse(null))
                        .bind(
                                "watermark",
                                sync.watermark().map(Watermark::value).orElse(null))
                        .bind("error", sync.error().orElse(null))
                        .bind("warnings", JsonColumns.write(sync.warnings()))
                        .bind(
                                "complianceAccounts",
                                sync.compliance()
                                        .map(ComplianceSummary::accounts)
                                        .orElse(null))
                        .bind(
                                "complianceNonCompliant",
                                sync.compliance()
                                        .map(ComplianceSummary::nonCompliantAccounts)
                                        .orElse(null))
                        .bind(
                                "complianceAccepted",
                                sync.compliance()
                                        .map(ComplianceSummary::accountsWithAcceptedDeviations)
                                        .orElse(null))
                        .execute())
                > 0;
    }

    private static DirectorySync sync(ResultSet rs) throws SQLException {
        long complianceAccounts = rs.getLong("compliance_accounts");
        Optional<ComplianceSummary> compliance = rs.wasNull()
                ? Optional.empty()
                : Optional.of(new ComplianceSummary(
                        complianceAccounts, rs.getLong("compliance_non_compliant"), rs.getLong("compliance_accepted")));
        long expected = rs.getLong("expected_accounts");
        Optional<Long> expectedAccounts = rs.wasNull() ? Optional.empty() : Optional.of(expected);
        List<String> warnings = new ArrayList<>();
        if (JsonColumns.readValue(rs.getString("warnings")) instanceof List<?> stored) {
            stored.forEach(w -> warnings.add(String.valueOf(w)));
        }
        return new DirectorySync(
                new SyncId(rs.getObject("id", UUID.class)),
                DirectorySync.Trigger.ofCode(rs.getString("trigger")).orElseThrow(),
                DirectorySync.Mode.ofCode(rs.getString("mode")).orElseThrow(),
                Optional.ofNullable(rs.getObject("started_by", UUID.class)).map(UserId::new),
                instant(rs, "started_at").orElseThrow(),
                DirectorySync.State.ofCode(rs.getString("state")).orElseThrow(),
                instant(rs, "heartbeat_at").orElseThrow(),
                instant(rs, "finished_at"),
                new SyncProgress(
                        SyncProgress.Phase.ofCode(rs.getString("phase")).orElse(SyncProgress.Phase.STARTING),
                        rs.getLong("progress_groups"),
                        rs.getLong("progress_accounts"),
                        expectedAccounts),
                new SyncCounts(
                        rs.getLong("groups_read"),
                        rs.getLong("groups_added"),
                        rs.getLong("groups_changed"),
                        rs.getLong("groups_removed"),
                        rs.getLong("groups_kept"),
                        rs.getLong("accounts_read"),
                        rs.getLong("accounts_added"),
                        rs.getLong("accounts_changed"),
                        rs.getLong("accounts_removed"),
                        rs.getLong("assignments_ended"),
                        rs.getLong("pages_read"),
                        rs.getLong("skipped_entries")),
                Optional.ofNullable(rs.getString("scope")).map(s -> ReadScope.valueOf(s.toUpperCase(Locale.ROOT))),
                Optional.ofNullable(rs.getString("full_read_reason")),
                Optional.ofNullable(rs.getString("watermark")).map(Watermark::new),
                Optional.ofNullable(rs.getString("error")),
                warnings,
                compliance);
    }

    private static Optional<Instant> instant(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(rs.getObject(column, OffsetDateTime.class)).map(OffsetDateTime::toInstant);
    }
}
