package org.openprofiles.domain.access.directory;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.openprofiles.domain.access.ComplianceSummary;
import org.openprofiles.domain.access.directory.DirectoryReadResult.ReadScope;
import org.openprofiles.domain.security.UserId;
import org.openprofiles.domain.shared.Coded;
import org.openprofiles.domain.shared.NotFound;
import org.openprofiles.domain.shared.Text;

/**
 * One reading of the organisation's directory into the service: who or what started it, how it
 * is going while it runs (progress, a heartbeat), and how it ended (counts, the scope actually
 * read, the watermark for the next incremental read, the error of a failed one, and the directory's
 * compliance right after a successful one).
 */
public record DirectorySync(
        SyncId id,
        Trigger trigger,
        Mode mode,
        Optional<UserId> startedBy,
        Instant startedAt,
        State state,
        Instant heartbeatAt,
        Optional<Instant> finishedAt,
        SyncProgress progress,
        SyncCounts counts,
        Optional<ReadScope> scope,
        Optional<String> fullReadReason,
        Optional<Watermark> watermark,
        Optional<String> error,
        List<String> warnings,
        Optional<ComplianceSummary> compliance) {

    /** At most this many warnings are kept with a sync. */
    public static final int MAX_WARNINGS = 50;

    /** Where a sync stands. */
    public enum State implements Coded {
        RUNNING,
        SUCCEEDED,
        FAILED;

        public static Optional<State> ofCode(String code) {
            return Coded.ofCode(State.class, code);
        }
    }

    /** Who started it. */
    public enum Trigger implements Coded {
        ON_DEMAND,
        SCHEDULED;

        public static Optional<Trigger> ofCode(String code) {
            return Coded.ofCode(Trigger.class, code);
        }
    }

    /** What was asked: everything, or the changes since the last sync (the directory may still read everything). */
    public enum Mode implements Coded {
        FULL,
        INCREMENTAL;

        public static Optional<Mode> ofCode(String code) {
            return Coded.ofCode(Mode.class, code);
        }
    }

    public DirectorySync {
        if (id == null
                || trigger == null
                || mode == null
                || startedBy == null
                || startedAt == null
                || state == null
                || heartbeatAt == null
                || finishedAt == null
                || progress == null
                || counts == null
                || scope == null
                || fullReadReason == null
                || watermark == null
                || error == null
                || compliance == null) {
            throw new IllegalArgumentException("incomplete directory sync");
        }
        error = error.map(e -> e.length() > Text.VALUE ? e.substring(0, Text.VALUE) : e);
        warnings = warnings == null
                ? List.of()
                : List.copyOf(warnings.size() > MAX_WARNINGS ? warnings.subList(0, MAX_WARNINGS) : warnings);
    }

    /** A sync that starts now. */
    public static DirectorySync start(
            SyncId id,
            Trigger trigger,
            Mode mode,
            Optional<UserId> startedBy,
            Optional<Long> expectedAccounts,
            Instant now) {
        return new DirectorySync(
                id,
                trigger,
                mode,
                startedBy,
                now,
                State.RUNNING,
                now,
                Optional.empty(),
                SyncProgress.starting(expectedAccounts),
                SyncCounts.NONE,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                List.of(),
                Optional.empty());
    }

    /** This sync, successfully finished at {@code now}. */
    public DirectorySync succeeded(
            SyncCounts result,
            ReadScope readScope,
            Optional<String> reason,
            Optional<Watermark> next,
            List<String> notes,
            ComplianceSummary summary,
            Instant now) {
        return new DirectorySync(
                id,
                trigger,
                mode,
                startedBy,
                startedAt,
                State.SUCCEEDED,
                now,
                Optional.of(now),
                new SyncProgress(
                        SyncProgress.Phase.DONE,
                        result.groupsRead(),
                        result.accountsRead(),
                        progress.expectedAccounts()),
                result,
                Optional.of(readScope),
                reason,
                next,
                Optional.empty(),
                notes,
                Optional.of(summary));
    }

    /** This sync, failed at {@code now}: nothing it read was kept. */
    public DirectorySync failed(String message, Instant now) {
        return new DirectorySync(
                id,
                trigger,
                mode,
                startedBy,
                startedAt,
                State.FAILED,
                now,
                Optional.of(now),
                progress,
                SyncCounts.NONE,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.of(message),
                warnings,
                Optional.empty());
    }

    /** Whether a running sync has given no sign of life for longer than {@code silence} (its process died). */
    public boolean abandonedAt(Instant now, Duration silence) {
        return state == State.RUNNING && heartbeatAt.plus(silence).isBefore(now);
    }

    public boolean running() {
        return state == State.RUNNING;
    }

    /** The fields the audit trail keeps of a finished sync. */
    public Map<String, Object> auditFields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("state", state.code());
        fields.put("trigger", trigger.code());
        fields.put("mode", mode.code());
        scope.ifPresent(s -> fields.put("scope", s.name().toLowerCase(Locale.ROOT)));
        fields.put("groupsRead", counts.groupsRead());
        fields.put("groupsAdded", counts.groupsAdded());
        fields.put("groupsChanged", counts.groupsChanged());
        fields.put("groupsRemoved", counts.groupsRemoved());
        fields.put("groupsKept", counts.groupsKept());
        fields.put("accountsRead", counts.accountsRead());
        fields.put("accountsAdded", counts.accountsAdded());
        fields.put("accountsChanged", counts.accountsChanged());
        fields.put("accountsRemoved", counts.accountsRemoved());
        fields.put("assignmentsEnded", counts.assignmentsEnded());
        error.ifPresent(e -> fields.put("error", e));
        return fields;
    }

    /** The failure for a sync that does not exist. */
    public static NotFound notFound(SyncId id) {
        return new NotFound("sync_not_found", "id", "no directory sync " + id);
    }
}
