package org.openprofiles.domain.access.directory;

import java.util.List;
import java.util.Optional;

/**
 * How a successful read went.
 *
 * @param accountScope        whether every account was delivered, or only the changed ones
 * @param fullReadReason      why a read asked to be incremental read everything (no watermark, the
 *                            watermark was for another server or settings, groups changed, the
 *                            server tracks no changes); empty when the read was what was asked
 * @param watermark           where the next incremental read may start; empty when the server
 *                            offers none (then every read is full)
 * @param groupsRead          groups delivered (always every group)
 * @param accountsRead        accounts delivered
 * @param pagesRead           search result pages requested from the server, groups and accounts
 * @param skippedEntries      entries matched by the filters but not delivered (no id, no login, …)
 * @param skippedSamples      the first few of them, to show an administrator
 */
public record DirectoryReadResult(
        ReadScope accountScope,
        Optional<String> fullReadReason,
        Optional<Watermark> watermark,
        long groupsRead,
        long accountsRead,
        long pagesRead,
        long skippedEntries,
        List<SkippedEntry> skippedSamples) {

    /** How many skipped entries a result names at most. */
    public static final int MAX_SKIPPED_SAMPLES = 20;

    public DirectoryReadResult {
        if (accountScope == null || fullReadReason == null || watermark == null) {
            throw new IllegalArgumentException("scope, reason and watermark must not be null");
        }
        skippedSamples = List.copyOf(skippedSamples);
    }

    /** Whether every account of the directory was delivered, so that one not delivered is gone. */
    public boolean accountsComplete() {
        return accountScope == ReadScope.FULL;
    }

    /** Which accounts a read delivered. */
    public enum ReadScope {
        /** every account matching the filters */
        FULL,
        /** only accounts changed since the watermark */
        CHANGES
    }

    /** A directory entry that was left out, and why (never a secret: a DN and a sentence). */
    public record SkippedEntry(String distinguishedName, String reason) {}
}
