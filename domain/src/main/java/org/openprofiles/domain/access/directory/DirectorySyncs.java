package org.openprofiles.domain.access.directory;

import java.time.Instant;
import java.util.Optional;
import org.openprofiles.domain.shared.Page;
import org.openprofiles.domain.shared.PageRequest;

/**
 * The sync record port: every directory sync, running or finished. At most one sync runs at a
 * time, across every server process sharing the storage: {@link #start} refuses a second.
 */
public interface DirectorySyncs {

    /**
     * Stores a new running sync.
     *
     * @throws org.openprofiles.domain.shared.Conflict {@code sync_running} when another sync runs
     */
    void start(DirectorySync sync);

    Optional<DirectorySync> find(SyncId id);

    /** The sync that is running, if one is. */
    Optional<DirectorySync> running();

    /** Syncs, newest first (by start, then id). */
    Page<DirectorySync> list(PageRequest page);

    /** The newest successful sync, or the newest successful one that read every account ({@code fullOnly}). */
    Optional<DirectorySync> lastSucceeded(boolean fullOnly);

    /** Records a running sync's progress and a sign of life; false when it is not running (any more). */
    boolean heartbeat(SyncId id, SyncProgress progress, Instant at);

    /** Stores how a running sync ended; false when it was not running (any more), and nothing changed. */
    boolean finish(DirectorySync finished);
}
