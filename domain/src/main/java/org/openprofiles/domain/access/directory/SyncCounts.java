package org.openprofiles.domain.access.directory;

/**
 * What a sync did: groups and accounts read from the directory, how many of them were new
 * ({@code added}) or different from what was stored ({@code changed}), how many stored ones were
 * gone and removed, groups kept although gone (profiles still require them), assignments ended with
 * removed accounts, search pages read and directory entries skipped (no id, no login).
 */
public record SyncCounts(
        long groupsRead,
        long groupsAdded,
        long groupsChanged,
        long groupsRemoved,
        long groupsKept,
        long accountsRead,
        long accountsAdded,
        long accountsChanged,
        long accountsRemoved,
        long assignmentsEnded,
        long pagesRead,
        long skippedEntries) {

    public static final SyncCounts NONE = new SyncCounts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
}
