package org.openprofiles.application.access;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openprofiles.domain.access.ComplianceSummary;
import org.openprofiles.domain.access.directory.DirectoryReadResult.ReadScope;
import org.openprofiles.domain.access.directory.DirectorySync;
import org.openprofiles.domain.access.directory.DirectorySync.Mode;
import org.openprofiles.domain.access.directory.DirectorySync.Trigger;
import org.openprofiles.domain.access.directory.SyncCounts;
import org.openprofiles.domain.access.directory.SyncId;

/** When the schedule starts a sync, and whether it reads everything or only the changes. */
class DirectorySyncScheduleTest {

    private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");
    private static final DirectorySyncSchedule HOURLY_DAILY_FULL =
            new DirectorySyncSchedule(Duration.ofHours(1), Duration.ofHours(24));

    private static DirectorySync startedAgo(Duration ago) {
        return DirectorySync.start(
                SyncId.random(), Trigger.SCHEDULED, Mode.FULL, Optional.empty(), Optional.empty(), NOW.minus(ago));
    }

    private static DirectorySync fullAgo(Duration ago) {
        return startedAgo(ago)
                .succeeded(
                        SyncCounts.NONE,
                        ReadScope.FULL,
                        Optional.empty(),
                        Optional.empty(),
                        List.of(),
                        new ComplianceSummary(0, 0, 0),
                        NOW.minus(ago).plusSeconds(10));
    }

    @Test
    void theFirstSyncIsDueAtOnceAndReadsEverything() {
        assertEquals(Optional.of(Mode.FULL), HOURLY_DAILY_FULL.due(Optional.empty(), Optional.empty(), NOW));
    }

    @Test
    void nothingIsDueWithinTheIntervalAfterTheLastStartWhateverItsOutcome() {
        DirectorySync failed = startedAgo(Duration.ofMinutes(59)).failed("unreachable", NOW.minusSeconds(3000));
        assertEquals(Optional.empty(), HOURLY_DAILY_FULL.due(Optional.of(failed), Optional.empty(), NOW));
        assertEquals(
                Optional.of(Mode.FULL),
                HOURLY_DAILY_FULL.due(Optional.of(startedAgo(Duration.ofMinutes(60))), Optional.empty(), NOW));
    }

    @Test
    void aSyncReadsOnlyChangesWhileAFullOneIsYoungerThanTheFullInterval() {
        DirectorySync full = fullAgo(Duration.ofHours(5));
        DirectorySync latest = startedAgo(Duration.ofHours(2));
        assertEquals(Optional.of(Mode.INCREMENTAL), HOURLY_DAILY_FULL.due(Optional.of(latest), Optional.of(full), NOW));
        DirectorySync oldFull = fullAgo(Duration.ofHours(24));
        assertEquals(Optional.of(Mode.FULL), HOURLY_DAILY_FULL.due(Optional.of(latest), Optional.of(oldFull), NOW));
    }

    @Test
    void aZeroIntervalMeansOnDemandOnlyAndAZeroFullIntervalMeansAlwaysFull() {
        assertEquals(Optional.empty(), DirectorySyncSchedule.NEVER.due(Optional.empty(), Optional.empty(), NOW));
        DirectorySyncSchedule alwaysFull = new DirectorySyncSchedule(Duration.ofMinutes(15), Duration.ZERO);
        assertEquals(
                Optional.of(Mode.FULL),
                alwaysFull.due(
                        Optional.of(startedAgo(Duration.ofHours(1))), Optional.of(fullAgo(Duration.ofHours(1))), NOW));
    }
}
