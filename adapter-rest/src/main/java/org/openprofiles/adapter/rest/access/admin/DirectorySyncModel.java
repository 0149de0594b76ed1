package org.openprofiles.adapter.rest.access.admin;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.openprofiles.domain.access.ComplianceSummary;
import org.openprofiles.domain.access.directory.DirectorySync;
import org.openprofiles.domain.access.directory.SyncCounts;
import org.openprofiles.domain.access.directory.SyncProgress;
import org.openprofiles.domain.security.UserId;

/**
 * A directory sync (our model): state ({@code running}, {@code succeeded}, {@code failed}), who or
 * what started it and how, its progress (phase, what was read, an estimated percent), its counts,
 * the scope actually read ({@code full} or {@code changes}), why an incremental sync read
 * everything, the error of a failed one (never a password), warnings, and the directory's compliance
 * right after a successful one — the syncs in a row are the compliance trend.
 */
@JsonPropertyOrder({
    "id",
    "state",
    "trigger",
    "mode",
    "scope",
    "startedBy",
    "startedAt",
    "heartbeatAt",
    "finishedAt",
    "progress",
    "counts",
    "fullReadReason",
    "error",
    "warnings",
    "compliance"
})
public record DirectorySyncModel(
        @JsonProperty("id") UUID id,
        @JsonProperty("state") String state,
        @JsonProperty("trigger") String trigger,
        @JsonProperty("mode") String mode,
        @JsonProperty("scope") String scope,
        @JsonProperty("startedBy") UUID startedBy,
        @JsonProperty("startedAt") String startedAt,
        @JsonProperty("heartbeatAt") String heartbeatAt,
        @JsonProperty("finishedAt") String finishedAt,
        @JsonProperty("progress") ProgressModel progress,
        @JsonProperty("counts") CountsModel counts,
        @JsonProperty("fullReadReason") String fullReadReason,
        @JsonProperty("error") String error,
        @JsonProperty("warnings") List<String> warnings,
        @JsonProperty("compliance") ComplianceModel compliance) {

    /** Where a sync has got; {@code percent} and {@code expectedAccounts} are null when unknown. */
    @JsonPropertyOrder({"phase", "groupsRead", "accountsRead", "expectedAccounts", "percent"})
    public record ProgressModel(
            @JsonProperty("phase") String phase,
            @JsonProperty("groupsRead") long groupsRead,
            @JsonProperty("accountsRead") long accountsRead,
            @JsonProperty("expectedAccounts") Long expectedAccounts,
            @JsonProperty("percent") Integer percent) {

        static ProgressModel from(SyncProgress progress) {
            return new ProgressModel(
                    progress.phase().code(),
                    progress.groupsRead(),
                    progress.accountsRead(),
                    progress.expectedAccounts().orElse(null),
                    progress.percent().orElse(null));
        }
    }

    /** Read, added, changed, removed (and for groups: kept as missing). */
    @JsonPropertyOrder({"read", "added", "changed", "removed", "kept"})
    public record ObjectCounts(
            @JsonProperty("read") long read,
            @JsonProperty("added") long added,
            @JsonProperty("changed") long changed,
            @JsonProperty("removed") long removed,
            @JsonProperty("kept") Long kept) {}

    /** What a sync did. */
    @JsonPropertyOrder({"groups", "accounts", "assignmentsEnded", "pagesRead", "skippedEntries"})
    public record CountsModel(
            @JsonProperty("groups") ObjectCounts groups,
            @JsonProperty("accounts") ObjectCounts accounts,
            @JsonProperty("assignmentsEnded") long assignmentsEnded,
            @JsonProperty("pagesRead") long pagesRead,
            @JsonProperty("skippedEntries") long skippedEntries) {

        static CountsModel from(SyncCounts c) {
            return new CountsModel(
                    new ObjectCounts(
                            c.groupsRead(), c.groupsAdded(), c.groupsChanged(), c.groupsRemoved(), c.groupsKept()),
                    new ObjectCounts(
                            c.accountsRead(), c.accountsAdded(), c.accountsChanged(), c.accountsRemoved(), null),
                    c.assignmentsEnded(),
                    c.pagesRead(),
                    c.skippedEntries());
        }
    }

    /** The directory's compliance right after the sync. */
    @JsonPropertyOrder({"accounts", "nonCompliant", "withAcceptedDeviations"})
    public record ComplianceModel(
            @JsonProperty("accounts") long accounts,
            @JsonProperty("nonCompliant") long nonCompliant,
            @JsonProperty("withAcceptedDeviations") long withAcceptedDeviations) {

        static ComplianceModel from(ComplianceSummary summary) {
            return new ComplianceModel(
                    summary.accounts(), summary.nonCompliantAccounts(), summary.accountsWithAcceptedDeviations());
        }
    }

    static DirectorySyncModel from(DirectorySync sync) {
        return new DirectorySyncModel(
                sync.id().value(),
                sync.state().code(),
                sync.trigger().code(),
                sync.mode().code(),
                sync.scope().map(s -> s.name().toLowerCase(Locale.ROOT)).orElse(null),
                sync.startedBy().map(UserId::value).orElse(null),
                sync.startedAt().toString(),
                sync.heartbeatAt().toString(),
                sync.finishedAt().map(Instant::toString).orElse(null),
                ProgressModel.from(sync.progress()),
                CountsModel.from(sync.counts()),
                sync.fullReadReason().orElse(null),
                sync.error().orElse(null),
                sync.warnings(),
                sync.compliance().map(ComplianceModel::from).orElse(null));
    }
}
