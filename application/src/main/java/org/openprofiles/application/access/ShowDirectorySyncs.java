package org.openprofiles.application.access;

import org.openprofiles.application.shared.Transactions;
import org.openprofiles.domain.access.directory.DirectorySync;
import org.openprofiles.domain.access.directory.DirectorySyncs;
import org.openprofiles.domain.access.directory.SyncId;
import org.openprofiles.domain.security.AccessPolicy;
import org.openprofiles.domain.security.Action;
import org.openprofiles.domain.security.Principal;
import org.openprofiles.domain.shared.Page;
import org.openprofiles.domain.shared.PageRequest;

/**
 * Directory syncs as their records stand: a running one with its progress (from its heartbeat),
 * finished ones with their counts, errors and the compliance right after them (the trend).
 */
public final class ShowDirectorySyncs {

    private final AccessPolicy policy;
    private final DirectorySyncs syncs;
    private final Transactions transactions;

    public ShowDirectorySyncs(AccessPolicy policy, DirectorySyncs syncs, Transactions transactions) {
        this.policy = policy;
        this.syncs = syncs;
        this.transactions = transactions;
    }

    public DirectorySync get(Principal caller, SyncId id) {
        policy.require(caller, Action.READ_DIRECTORY, ReadDirectory.DIRECTORY);
        return transactions.readOnly(() -> syncs.find(id)).orElseThrow(() -> DirectorySync.notFound(id));
    }

    /** Syncs, newest first. */
    public Page<DirectorySync> list(Principal caller, PageRequest page) {
        policy.require(caller, Action.READ_DIRECTORY, ReadDirectory.DIRECTORY);
        return transactions.readOnly(() -> syncs.list(page));
    }
}
