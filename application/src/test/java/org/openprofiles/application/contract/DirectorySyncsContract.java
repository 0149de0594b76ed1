package org.openprofiles.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openprofiles.domain.access.ComplianceSummary;
import org.openprofiles.domain.access.directory.DirectoryReadResult.ReadScope;
import org.openprofiles.domain.access.directory.DirectorySync;
import org.openprofiles.domain.access.directory.DirectorySync.Mode;
import org.openprofiles.domain.access.directory.DirectorySync.Trigger;
import org.openprofiles.domain.access.directory.DirectorySyncs;
import org.openprofiles.domain.access.directory.SyncCounts;
import org.openprofiles.domain.access.directory.SyncId;
import org.openprofiles.domain.access.directory.SyncProgress;
import org.openprofiles.domain.access.directory.Watermark;
import org.openprofiles.domain.security.UserId;
import org.openprofiles.domain.shared.Conflict;

/**
 * The contract of {@link DirectorySyncs}: a started sync is running and found; a second start
 * while one runs is a conflict; progress and a heartbeat are stored only while it runs; how it
 * ended is stored once, every field of it, and nothing changes it afterwards; syncs are listed
 * newest first; the last successful (full) sync is found. Each test ends the syncs it started.
 */
public abstract class DirectorySyncsContract extends StorageContract {

    private DirectorySyncs syncs() {
        return storage().directorySyncs();
    }

    private static final SyncCounts COUNTS = new SyncCounts(7, 2, 1, 1, 1, 100, 10, 5, 3, 4, 9, 1);

    private DirectorySync started(Instant at, Mode mode) {
        DirectorySync sync = DirectorySync.start(
                SyncId.random(), Trigger.ON_DEMAND, mode, Optional.of(UserId.random()), Optional.of(100L), at);
        syncs().start(sync);
        return sync;
    }

    private DirectorySync succeeded(DirectorySync sync, ReadScope scope) {
        DirectorySync done = sync.succeeded(
                COUNTS,
                scope,
                Optional.of("groups changed"),
                Optional.of(new Watermark("usn|x|1|dc1|" + Fixtures.token())),
                List.of("skipped CN=x: no login"),
                new ComplianceSummary(100, 12, 3),
                sync.startedAt().plusSeconds(30));
        assertTrue(syncs().finish(done));
        return done;
    }

    @AfterEach
    void endWhatRuns() {
        syncs().running()
                .ifPresent(
                        s -> syncs().finish(s.failed("test over", s.startedAt().plusSeconds(1))));
    }

    @Test
    void aStartedSyncRunsAndIsFoundUntilItEnds() {
        DirectorySync sync = started(Fixtures.NOW, Mode.FULL);
        assertEquals(Optional.of(sync), syncs().find(sync.id()));
        assertEquals(Optional.of(sync), syncs().running());

        DirectorySync done = succeeded(sync, ReadScope.FULL);

        assertEquals(Optional.of(done), syncs().find(sync.id()), "every field of how it ended");
        assertEquals(Optional.empty(), syncs().running());
        assertEquals(Optional.empty(), syncs().find(SyncId.random()));
    }

    @Test
    void aSecondStartWhileOneRunsIsRefused() {
        DirectorySync first = started(Fixtures.NOW, Mode.FULL);
        Conflict refused = assertThrows(Conflict.class, () -> started(Fixtures.NOW.plusSeconds(1), Mode.INCREMENTAL));
        assertEquals("sync_running", refused.code());
        assertEquals(Optional.of(first), syncs().running());

        syncs().finish(first.failed("bind refused", Fixtures.NOW.plusSeconds(2)));
        DirectorySync second = started(Fixtures.NOW.plusSeconds(3), Mode.INCREMENTAL);
        assertEquals(Optional.of(second), syncs().running(), "once the first ended, another may start");
    }

    @Test
    void progressIsStoredOnlyWhileTheSyncRuns() {
        DirectorySync sync = started(Fixtures.NOW, Mode.FULL);
        SyncProgress progress = new SyncProgress(SyncProgress.Phase.READING_ACCOUNTS, 7, 42, Optional.of(100L));
        Instant beat = Fixtures.NOW.plusSeconds(5);

        assertTrue(syncs().heartbeat(sync.id(), progress, beat));
        DirectorySync seen = syncs().find(sync.id()).orElseThrow();
        assertEquals(progress, seen.progress());
        assertEquals(beat, seen.heartbeatAt());

        DirectorySync failed = sync.failed("connection lost while reading accounts", Fixtures.NOW.plusSeconds(6));
        assertTrue(syncs().finish(failed));
        assertFalse(syncs().heartbeat(sync.id(), progress, Fixtures.NOW.plusSeconds(7)), "a late heartbeat");
        assertFalse(syncs().finish(sync.failed("again", Fixtures.NOW.plusSeconds(8))), "ended once");
        assertEquals(Optional.of(failed), syncs().find(sync.id()), "as it ended: nothing changed it afterwards");
        assertFalse(syncs().heartbeat(SyncId.random(), progress, beat));
    }

    @Test
    void syncsAreListedNewestFirstAndTheLastSuccessfulOnesAreFound() {
        DirectorySync oldFull = succeeded(started(Fixtures.NOW.plusSeconds(100), Mode.FULL), ReadScope.FULL);
        DirectorySync incremental =
                succeeded(started(Fixtures.NOW.plusSeconds(200), Mode.INCREMENTAL), ReadScope.CHANGES);
        DirectorySync failed = started(Fixtures.NOW.plusSeconds(300), Mode.FULL);
        syncs().finish(failed.failed("unreachable", Fixtures.NOW.plusSeconds(301)));

        List<DirectorySync> listed = all(1, page -> syncs().list(page));
        List<SyncId> ours = listed.stream()
                .map(DirectorySync::id)
                .filter(id ->
                        List.of(oldFull.id(), incremental.id(), failed.id()).contains(id))
                .toList();
        assertEquals(List.of(failed.id(), incremental.id(), oldFull.id()), ours);
        List<Instant> starts = listed.stream().map(DirectorySync::startedAt).toList();
        assertEquals(starts.stream().sorted(java.util.Comparator.reverseOrder()).toList(), starts);

        assertEquals(Optional.of(incremental.id()), syncs().lastSucceeded(false).map(DirectorySync::id));
        assertEquals(Optional.of(oldFull.id()), syncs().lastSucceeded(true).map(DirectorySync::id));
    }

    @Test
    void aCursorThisStorageDidNotIssueIsInvalid() {
        assertForeignCursorsAreRefused(2, page -> syncs().list(page));
    }
}
