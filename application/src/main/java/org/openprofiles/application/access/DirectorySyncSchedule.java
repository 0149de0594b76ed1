package org.openprofiles.application.access;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.openprofiles.domain.access.directory.DirectorySync;
import org.openprofiles.domain.access.directory.DirectorySync.Mode;

/**
 * When scheduled syncs run: every {@code interval} after the last sync started (whatever its
 * outcome; zero: never, on demand only); each reads everything when no successful full sync is
 * younger than {@code fullInterval} (zero: always), otherwise only the changes. Full reads are
 * what find removed accounts, so they must come regularly.
 */
public record DirectorySyncSchedule(Duration interval, Duration fullInterval) {

    public DirectorySyncSchedule {
        if (interval == null || fullInterval == null || interval.isNegative() || fullInterval.isNegative()) {
            throw new IllegalArgumentException("sync intervals must be given and not negative");
        }
    }

    /** On demand only. */
    public static final DirectorySyncSchedule NEVER = new DirectorySyncSchedule(Duration.ZERO, Duration.ZERO);

    public boolean enabled() {
        return !interval.isZero();
    }

    /**
     * The mode of the sync due at {@code now}, or empty when none is due.
     *
     * @param latest   the newest sync, whatever its state
     * @param lastFull the newest successful sync that read every account
     */
    public Optional<Mode> due(Optional<DirectorySync> latest, Optional<DirectorySync> lastFull, Instant now) {
        if (!enabled()
                || latest.filter(s -> s.startedAt().plus(interval).isAfter(now)).isPresent()) {
            return Optional.empty();
        }
        boolean fullDue = fullInterval.isZero()
                || lastFull.isEmpty()
                || !lastFull.get().startedAt().plus(fullInterval).isAfter(now);
        return Optional.of(fullDue ? Mode.FULL : Mode.INCREMENTAL);
    }
}
