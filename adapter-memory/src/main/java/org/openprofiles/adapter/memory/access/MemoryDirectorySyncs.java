package org.openprofiles.adapter.memory.access;

import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import org.openprofiles.adapter.memory.shared.Listing;
import org.openprofiles.adapter.memory.shared.MemoryTransactions;
import org.openprofiles.adapter.memory.shared.NewestFirst;
import org.openprofiles.adapter.memory.shared.Table;
import org.openprofiles.domain.access.directory.DirectoryReadResult.ReadScope;
import org.openprofiles.domain.access.directory.DirectorySync;
import org.openprofiles.domain.access.directory.DirectorySyncs;
import org.openprofiles.domain.access.directory.SyncId;
import org.openprofiles.domain.access.directory.SyncProgress;
import org.openprofiles.domain.shared.Conflict;
import org.openprofiles.domain.shared.Page;
import org.openprofiles.domain.shared.PageRequest;

/**
 * Directory syncs in memory. "One running at a time" holds because writing units of work run one
 * at a time here. Note that a sync's own unit of work holds the store's one write lock while it
 * runs, so heartbeats (and every other write, and reads) wait until it ends: in memory a running
 * sync shows no progress; PostgreSQL is for concurrency.
 */
final class MemoryDirectorySyncs implements DirectorySyncs {

    private static final Comparator<DirectorySync> NEWEST_FIRST =
            Comparator.comparing(MemoryDirectorySyncs::key, NewestFirst.ORDER);

    private final MemoryTransactions transactions;
    private final Table<SyncId, DirectorySync> syncs;

    MemoryDirectorySyncs(MemoryTransactions transactions) {
        this.transactions = transactions;
        this.syncs = new Table<>(transactions);
    }

    private static NewestFirst key(DirectorySync sync) {
        return new NewestFirst(sync.startedAt(), sync.id().value());
    }

    @Override
    public void start(DirectorySync sync) {
        transactions.write(() -> {
            if (syncs.rows().stream().anyMatch(DirectorySync::running) || syncs.contains(sync.id())) {
                throw new Conflict("sync_running", "a directory sync is running already");
            }
            syncs.put(sync.id(), sync);
            return null;
        });
    }

    @Override
    public Optional<DirectorySync> find(SyncId id) {
        return transactions.read(() -> syncs.get(id));
    }

    @Override
    public Optional<DirectorySync> running() {
        return transactions.read(
                () -> syncs.rows().stream().filter(DirectorySync::running).findFirst());
    }

    @Override
    public Page<DirectorySync> list(PageRequest page) {
        Optional<NewestFirst> after = page.cursor().map(NewestFirst::after);
        return transactions.read(() -> Listing.page(
                syncs.rows(), MemoryDirectorySyncs::key, NewestFirst.ORDER, after, page, s -> key(s).cursor()));
    }

    @Override
    public Optional<DirectorySync> lastSucceeded(boolean fullOnly) {
        return transactions.read(() -> syncs.rows().stream()
                .filter(s -> s.state() == DirectorySync.State.SUCCEEDED)
                .filter(s -> !fullOnly || s.scope().equals(Optional.of(ReadScope.FULL)))
                .min(NEWEST_FIRST));
    }

    @Override
    public boolean heartbeat(SyncId id, SyncProgress progress, Instant at) {
        return transactions.write(() -> {
            Optional<DirectorySync> stored = syncs.get(id).filter(DirectorySync::running);
            stored.ifPresent(s -> syncs.put(
                    id,
                    new DirectorySync(
                            s.id(),
                            s.trigger(),
                            s.mode(),
                            s.startedBy(),
                            s.startedAt(),
                            s.state(),
                            at,
                            s.finishedAt(),
                            progress,
                            s.counts(),
                            s.scope(),
                            s.fullReadReason(),
                            s.watermark(),
                            s.error(),
                            s.warnings(),
                            s.compliance())));
            return stored.isPresent();
        });
    }

    @Override
    public boolean finish(DirectorySync finished) {
        return transactions.write(() -> {
            boolean running =
                    syncs.get(finished.id()).filter(DirectorySync::running).isPresent();
            if (running) {
                syncs.put(finished.id(), finished);
            }
            return running;
        });
    }
}
