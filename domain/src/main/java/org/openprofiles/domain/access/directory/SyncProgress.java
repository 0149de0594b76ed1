package org.openprofiles.domain.access.directory;

import java.util.Optional;
import org.openprofiles.domain.shared.Coded;

/**
 * How far a running sync has got: its phase, what it has read so far, and how many accounts it
 * expects (those the last full sync read, or those stored), so a percentage can be shown.
 */
public record SyncProgress(Phase phase, long groupsRead, long accountsRead, Optional<Long> expectedAccounts) {

    /** The steps of a sync, in order. */
    public enum Phase implements Coded {
        STARTING,
        READING_GROUPS,
        READING_ACCOUNTS,
        REMOVING,
        CHECKING_COMPLIANCE,
        DONE;

        public static Optional<Phase> ofCode(String code) {
            return Coded.ofCode(Phase.class, code);
        }
    }

    public SyncProgress {
        if (phase == null || expectedAccounts == null) {
            throw new IllegalArgumentException("phase and expectedAccounts must not be null");
        }
    }

    public static SyncProgress starting(Optional<Long> expectedAccounts) {
        return new SyncProgress(Phase.STARTING, 0, 0, expectedAccounts);
    }

    /**
     * An estimate in whole percent: reading the accounts is most of the work; 100 only when done.
     * Empty when nothing tells how many accounts to expect.
     */
    public Optional<Integer> percent() {
        return switch (phase) {
            case STARTING, READING_GROUPS -> Optional.of(0);
            case DONE -> Optional.of(100);
            case REMOVING, CHECKING_COMPLIANCE -> Optional.of(95);
            case READING_ACCOUNTS ->
                expectedAccounts.filter(e -> e > 0).map(e -> (int) Math.min(94, accountsRead * 95 / e));
        };
    }
}
