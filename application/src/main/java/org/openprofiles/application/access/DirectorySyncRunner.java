package org.openprofiles.application.access;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.openprofiles.application.shared.Audit;
import org.openprofiles.application.shared.Transactions;
import org.openprofiles.domain.access.Account;
import org.openprofiles.domain.access.AccountId;
import org.openprofiles.domain.access.Assignments;
import org.openprofiles.domain.access.AttributeCatalogs;
import org.openprofiles.domain.access.ComplianceFindings;
import org.openprofiles.domain.access.ComplianceSummary;
import org.openprofiles.domain.access.Directory;
import org.openprofiles.domain.access.Group;
import org.openprofiles.domain.access.GroupId;
import org.openprofiles.domain.access.Merged;
import org.openprofiles.domain.access.RemovedGroup;
import org.openprofiles.domain.access.directory.DirectoryReadRequest;
import org.openprofiles.domain.access.directory.DirectoryReadResult;
import org.openprofiles.domain.access.directory.DirectoryReadResult.SkippedEntry;
import org.openprofiles.domain.access.directory.DirectorySink;
import org.openprofiles.domain.access.directory.DirectorySource;
import org.openprofiles.domain.access.directory.DirectorySync;
import org.openprofiles.domain.access.directory.DirectorySync.Mode;
import org.openprofiles.domain.access.directory.DirectorySyncs;
import org.openprofiles.domain.access.directory.DirectoryUnavailable;
import org.openprofiles.domain.access.directory.SyncCounts;
import org.openprofiles.domain.access.directory.SyncProgress;
import org.openprofiles.domain.access.directory.SyncProgress.Phase;
import org.openprofiles.domain.access.directory.Watermark;
import org.openprofiles.domain.shared.DomainFailure;
import org.openprofiles.domain.shared.ServiceUnavailable;

/**
 * Runs one started sync to its end. Everything it writes — groups and accounts page by page as the
 * source delivers them, removals, recounted deviations, the sync's final record and its audit
 * events — happens in ONE unit of work, so a sync that fails at any point (directory unreachable,
 * bind refused, connection lost mid-read, a database error) changes nothing: the previous
 * directory data stays, and the failure is recorded on the sync in a second, small unit of work
 * and logged. Pages are merged as they arrive, so memory holds one page and the ids seen (to find
 * what the directory no longer has), never the directory.
 *
 * <p>While it runs, a heartbeat (every second, on another thread and so outside the sync's unit of
 * work) stores its progress, which the sync resource shows; a process that dies leaves a running
 * record whose heartbeat stops, and the next start takes it over as abandoned.
 */
public final class DirectorySyncRunner {

    private static final System.Logger LOG = System.getLogger(DirectorySyncRunner.class.getName());
    static final Duration HEARTBEAT = Duration.ofSeconds(1);
    private static final int ID_PAGE = 1000;

    private final DirectorySource source;
    private final Directory directory;
    private final Assignments assignments;
    private final AttributeCatalogs catalogs;
    private final ComplianceFindings findings;
    private final DirectorySyncs syncs;
    private final Transactions transactions;
    private final Audit audit;
    private final Clock clock;
    private final ScheduledExecutorService heartbeats;
    private final DirectoryRemoval removal;

    public DirectorySyncRunner(
            DirectorySource source,
            Directory directory,
            Assignments assignments,
            AttributeCatalogs catalogs,
            ComplianceFindings findings,
            DirectorySyncs syncs,
            Transactions transactions,
            Audit audit,
            Clock clock,
            ScheduledExecutorService heartbeats) {
        this.source = source;
        this.directory = directory;
        this.assignments = assignments;
        this.catalogs = catalogs;
        this.findings = findings;
        this.syncs = syncs;
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
        this.heartbeats = heartbeats;
        this.removal = new DirectoryRemoval(directory, assignments, audit);
    }

    /** Runs {@code sync} (stored as running) to its end and answers how it ended; never throws. */
    public DirectorySync run(DirectorySync sync) {
        Tracker progress = new Tracker(sync.progress().expectedAccounts());
        ScheduledFuture<?> beat = heartbeats.scheduleAtFixedRate(
                () -> heartbeat(sync, progress), HEARTBEAT.toMillis(), HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
        long started = System.nanoTime();
        try {
            DirectorySync done = transactions.inTransaction(() -> execute(sync, progress));
            SyncCounts c = done.counts();
            LOG.log(
                    System.Logger.Level.INFO,
                    "Directory sync {0} ({1}, {2}) succeeded in {3} ms: {4} groups and {5} accounts read; accounts "
                            + "{6} added, {7} changed, {8} removed; groups {9} added, {10} changed, {11} removed, "
                            + "{12} kept as missing",
                    sync.id(),
                    sync.mode().code(),
                    done.scope().map(Enum::name).orElse("?"),
                    (System.nanoTime() - started) / 1_000_000,
                    c.groupsRead(),
                    c.accountsRead(),
                    c.accountsAdded(),
                    c.accountsChanged(),
                    c.accountsRemoved(),
                    c.groupsAdded(),
                    c.groupsChanged(),
                    c.groupsRemoved(),
                    c.groupsKept());
            return done;
        } catch (RuntimeException | Error e) {
            String message = describe(e);
            if (e instanceof DirectoryUnavailable || e instanceof DomainFailure || e instanceof SyncRefused) {
                LOG.log(
                        System.Logger.Level.WARNING,
                        "Directory sync {0} failed, nothing was changed: {1}",
                        sync.id(),
                        message);
            } else {
                LOG.log(
                        System.Logger.Level.WARNING,
                        "Directory sync " + sync.id() + " failed, nothing was changed: " + message,
                        e);
            }
            DirectorySync failed = sync.failed(message, clock.instant());
            try {
                transactions.run(() -> {
                    if (syncs.finish(failed)) {
                        audit.record(
                                sync.startedBy(),
                                "directory.sync",
                                "directory-sync",
                                sync.id().toString(),
                                Map.of(),
                                failed.auditFields());
                    }
                });
            } catch (RuntimeException recording) {
                LOG.log(
                        System.Logger.Level.WARNING,
                        "Directory sync {0}: the failure could not be recorded ({1}); the next start takes the sync over"
                                + " as abandoned",
                        sync.id(),
                        describe(recording));
            }
            return failed;
        } finally {
            beat.cancel(false);
        }
    }

    private void heartbeat(DirectorySync sync, Tracker progress) {
        try {
            syncs.heartbeat(sync.id(), progress.snapshot(), clock.instant());
        } catch (RuntimeException e) {
            // A missed heartbeat is harmless; the next one tries again.
            LOG.log(
                    System.Logger.Level.DEBUG,
                    "Directory sync {0}: heartbeat not stored ({1})",
                    sync.id(),
                    describe(e));
        }
    }

    private DirectorySync execute(DirectorySync sync, Tracker progress) {
        Set<String> keys = catalogs.catalog().definitions().keySet();
        Optional<Watermark> since = sync.mode() == Mode.INCREMENTAL
                ? syncs.lastSucceeded(false).flatMap(DirectorySync::watermark)
                : Optional.empty();
        DirectoryReadRequest request = since.map(w -> DirectoryReadRequest.changesSince(w, keys))
                .orElseGet(() -> DirectoryReadRequest.full(keys));
        Merge merge = new Merge(progress);
        progress.phase = Phase.READING_GROUPS;
        DirectoryReadResult read = new Pipeline(source, request, merge, sync).run();
        List<String> warnings = new ArrayList<>();
        for (SkippedEntry skipped : read.skippedSamples()) {
            warnings.add("skipped " + skipped.distinguishedName() + ": " + skipped.reason());
        }
        if (read.skippedEntries() > read.skippedSamples().size()) {
            warnings.add(
                    "skipped " + (read.skippedEntries() - read.skippedSamples().size()) + " more entries");
        }
        progress.phase = Phase.REMOVING;
        Map<String, Object> via = Map.of("via", "sync", "sync", sync.id().toString());
        DirectoryRemoval.Removed removed = DirectoryRemoval.Removed.none();
        if (read.accountsComplete()) {
            List<AccountId> gone =
                    gone(directory::accountIds, AccountId::value, merge.accounts, read.accountsRead(), "accounts");
            removed = removed.plus(
                    new DirectoryRemoval.Removed(removal.accounts(gone, sync.startedBy(), via), List.of()));
        }
        List<GroupId> goneGroups = gone(directory::groupIds, GroupId::value, merge.groups, read.groupsRead(), "groups");
        List<RemovedGroup> groups = removal.groups(goneGroups, clock.instant(), sync.startedBy(), via);
        removed = removed.plus(new DirectoryRemoval.Removed(List.of(), groups));
        groups.stream()
                .filter(g -> g.kept() && g.newlyGone())
                .forEach(g -> warnings.add(
                        "group " + g.group().name() + " (" + g.group().id()
                                + ") is gone from the directory but profiles " + g.requiredBy()
                                + " require it: kept, marked missing"));
        progress.phase = Phase.CHECKING_COMPLIANCE;
        ComplianceSummary summary = findings.summary(clock.instant());
        SyncCounts counts = new SyncCounts(
                read.groupsRead(),
                merge.groupsAdded,
                merge.groupsChanged,
                removed.groupsDeleted(),
                removed.groupsKept(),
                read.accountsRead(),
                merge.accountsAdded,
                merge.accountsChanged,
                removed.accounts().size(),
                removed.assignmentsEnded(),
                read.pagesRead(),
                read.skippedEntries());
        Optional<String> reason = read.fullReadReason()
                .or(() -> sync.mode() == Mode.INCREMENTAL && since.isEmpty()
                        ? Optional.of("no earlier sync left a watermark to read changes from")
                        : Optional.empty());
        DirectorySync finished = sync.succeeded(
                counts, read.accountScope(), reason, read.watermark(), warnings, summary, clock.instant());
        if (!syncs.finish(finished)) {
            throw new SyncRefused("the sync was taken over as abandoned meanwhile; its results were dropped");
        }
        audit.record(
                sync.startedBy(),
                "directory.sync",
                "directory-sync",
                sync.id().toString(),
                Map.of(),
                finished.auditFields());
        return finished;
    }

    /**
     * The stored objects (ids paged by {@code idsAfter}) that the read did not deliver. A read that
     * delivered none at all while some are stored is refused rather than emptying the directory:
     * that is a wrong base DN or filter far more often than an organisation without staff.
     */
    private static <I> List<I> gone(
            BiFunction<Optional<I>, Integer, List<I>> idsAfter,
            Function<I, UUID> uuid,
            UuidSet seen,
            long read,
            String what) {
        List<I> gone = new ArrayList<>();
        Optional<I> after = Optional.empty();
        while (true) {
            List<I> ids = idsAfter.apply(after, ID_PAGE);
            if (ids.isEmpty()) {
                return gone;
            }
            if (read == 0) {
                throw new SyncRefused("the directory delivered no " + what + ", but " + what
                        + " are stored: refusing to remove them all (check the base DN and the filters)");
            }
            ids.stream().filter(id -> !seen.contains(uuid.apply(id))).forEach(gone::add);
            after = Optional.of(ids.get(ids.size() - 1));
        }
    }

    /**
     * Reads the directory on a thread of its own while this thread (the one holding the sync's unit
     * of work) merges the pages: decoding LDAP answers and writing to the database overlap. The
     * hand-over holds at most {@link #PAGES_IN_FLIGHT} pages, so memory stays bounded; a failure on
     * either side stops the other. How long each side waited for the other is logged: it says
     * whether the directory or the database set the pace.
     */
    private static final class Pipeline {
        private static final int PAGES_IN_FLIGHT = 2;

        /** What the reader hands over: a page of groups or accounts, the end of the read, or its failure. */
        private sealed interface Item {}

        private record Groups(List<Group> page) implements Item {}

        private record Accounts(List<Account> page) implements Item {}

        private record Done(DirectoryReadResult result) implements Item {}

        private record Failed(Throwable cause) implements Item {}

        private final DirectorySource source;
        private final DirectoryReadRequest request;
        private final DirectorySink merge;
        private final DirectorySync sync;
        private final BlockingQueue<Item> items = new ArrayBlockingQueue<>(PAGES_IN_FLIGHT);
        private volatile boolean stopped;
        private long mergeWaited;
        private volatile long readWaited;

        Pipeline(DirectorySource source, DirectoryReadRequest request, DirectorySink merge, DirectorySync sync) {
            this.source = source;
            this.request = request;
            this.merge = merge;
            this.sync = sync;
        }

        DirectoryReadResult run() {
            Thread reader = new Thread(this::read, "directory-sync-reader");
            reader.setDaemon(true);
            reader.start();
            try {
                while (true) {
                    long waiting = System.nanoTime();
                    Item item = items.take();
                    mergeWaited += System.nanoTime() - waiting;
                    if (item instanceof Groups groups) {
                        merge.groups(groups.page());
                    } else if (item instanceof Accounts accounts) {
                        merge.accounts(accounts.page());
                    } else if (item instanceof Done done) {
                        LOG.log(
                                System.Logger.Level.INFO,
                                "Directory sync {0}: the merge waited {1} ms for the directory, the read {2} ms for"
                                        + " the merge",
                                sync.id(),
                                mergeWaited / 1_000_000,
                                readWaited / 1_000_000);
                        return done.result();
                    } else if (((Failed) item).cause() instanceof RuntimeException failure) {
                        throw failure;
                    } else {
                        throw (Error) ((Failed) item).cause();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SyncRefused("the server is stopping; the sync was cancelled");
            } finally {
                stopped = true;
                items.clear();
                reader.interrupt();
            }
        }

        private void read() {
            Item last;
            try {
                last = new Done(source.read(request, new DirectorySink() {
                    @Override
                    public void groups(List<Group> page) {
                        hand(new Groups(page));
                    }

                    @Override
                    public void accounts(List<Account> page) {
                        hand(new Accounts(page));
                    }
                }));
            } catch (RuntimeException | Error e) {
                last = new Failed(e);
            }
            if (!stopped) {
                hand(last);
            }
        }

        /** Waits for room in the hand-over; gives up (stopping the read) once the merging side stopped. */
        private void hand(Item item) {
            long waiting = System.nanoTime();
            try {
                while (!items.offer(item, 100, TimeUnit.MILLISECONDS)) {
                    if (stopped) {
                        throw new SyncRefused("the sync stopped");
                    }
                }
                readWaited += System.nanoTime() - waiting;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SyncRefused("the sync stopped");
            }
        }
    }

    /** Merges each page into storage as the source delivers it, and keeps count. */
    private final class Merge implements DirectorySink {
        private final Tracker progress;
        final UuidSet groups = new UuidSet();
        final UuidSet accounts = new UuidSet();
        long groupsAdded;
        long groupsChanged;
        long accountsAdded;
        long accountsChanged;

        Merge(Tracker progress) {
            this.progress = progress;
        }

        @Override
        public void groups(List<Group> page) {
            stopWhenInterrupted();
            Merged<GroupId> merged = directory.mergeGroups(page);
            groupsAdded += merged.added().size();
            groupsChanged += merged.changed().size();
            page.forEach(g -> groups.add(g.id().value()));
            progress.groupsRead += page.size();
        }

        @Override
        public void accounts(List<Account> page) {
            stopWhenInterrupted();
            progress.phase = Phase.READING_ACCOUNTS;
            Merged<AccountId> merged = directory.mergeAccounts(page);
            accountsAdded += merged.added().size();
            accountsChanged += merged.changed().size();
            if (!merged.changed().isEmpty() || !merged.added().isEmpty()) {
                Set<AccountId> touched = new HashSet<>(merged.changed());
                touched.addAll(merged.added());
                assignments.recheck(touched);
            }
            for (Account account : page) {
                UUID id = account.id().value();
                accounts.add(id);
            }
            progress.accountsRead += page.size();
        }
    }

    private static void stopWhenInterrupted() {
        if (Thread.currentThread().isInterrupted()) {
            throw new SyncRefused("the server is stopping; the sync was cancelled");
        }
    }

    /** The progress of a running sync, written by its thread and read by the heartbeat's. */
    private static final class Tracker {
        private final Optional<Long> expected;
        volatile Phase phase = Phase.STARTING;
        volatile long groupsRead;
        volatile long accountsRead;

        Tracker(Optional<Long> expected) {
            this.expected = expected;
        }

        SyncProgress snapshot() {
            return new SyncProgress(phase, groupsRead, accountsRead, expected);
        }
    }

    /** The sync stops on its own account (refused removal, cancelled, taken over); nothing is kept. */
    static final class SyncRefused extends RuntimeException {
        SyncRefused(String message) {
            super(message, null, false, false);
        }
    }

    private static String describe(Throwable e) {
        if (e instanceof DirectoryUnavailable || e instanceof DomainFailure || e instanceof SyncRefused) {
            return e.getMessage();
        }
        if (e instanceof ServiceUnavailable) {
            return "the database became unavailable: " + e.getMessage();
        }
        String message =
                e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
        return "unexpected " + e.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
    }
}
