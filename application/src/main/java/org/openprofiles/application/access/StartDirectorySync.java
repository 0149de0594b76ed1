package org.openprofiles.application.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.openprofiles.application.shared.Audit;
import org.openprofiles.application.shared.Transactions;
import org.openprofiles.domain.access.Directory;
import org.openprofiles.domain.access.directory.DirectorySync;
import org.openprofiles.domain.access.directory.DirectorySync.Mode;
import org.openprofiles.domain.access.directory.DirectorySync.Trigger;
import org.openprofiles.domain.access.directory.DirectorySyncs;
import org.openprofiles.domain.access.directory.SyncId;
import org.openprofiles.domain.security.AccessPolicy;
import org.openprofiles.domain.security.Action;
import org.openprofiles.domain.security.Principal;
import org.openprofiles.domain.security.UserId;
import org.openprofiles.domain.shared.Conflict;
import org.openprofiles.domain.shared.PageRequest;
import org.openprofiles.domain.shared.Unprocessable;

/**
 * Starts a directory sync — on demand by an administrator, or when the schedule says one is due —
 * and hands it to a background thread ({@link DirectorySyncRunner}); the caller gets the running
 * sync at once. One sync at a time: while one runs, a start answers that one instead
 * ({@link Outcome.AlreadyRunning}), across every server process (the storage refuses a second
 * running sync). A running sync whose heartbeat stopped for {@link #ABANDONED_AFTER} (its process
 * died) is recorded as failed and no longer blocks.
 */
public final class StartDirectorySync {

    /** Silence after which a running sync counts as abandoned. */
    public static final Duration ABANDONED_AFTER = Duration.ofMinutes(2);

    /** What a start did. */
    public sealed interface Outcome {
        DirectorySync sync();

        /** A new sync runs now. */
        record Started(DirectorySync sync) implements Outcome {}

        /** Another sync runs already; nothing was started. */
        record AlreadyRunning(DirectorySync sync) implements Outcome {}
    }

    private final AccessPolicy policy;
    private final Optional<DirectorySyncRunner> runner;
    private final DirectorySyncs syncs;
    private final Directory directory;
    private final DirectorySyncSchedule schedule;
    private final Transactions transactions;
    private final Audit audit;
    private final Clock clock;
    private final Executor executor;

    /**
     * @param runner   runs syncs; empty when no directory is configured (every start is refused)
     * @param executor where syncs run (a background thread; tests may run them inline)
     */
    public StartDirectorySync(
            AccessPolicy policy,
            Optional<DirectorySyncRunner> runner,
            DirectorySyncs syncs,
            Directory directory,
            DirectorySyncSchedule schedule,
            Transactions transactions,
            Audit audit,
            Clock clock,
            Executor executor) {
        this.policy = policy;
        this.runner = runner;
        this.syncs = syncs;
        this.directory = directory;
        this.schedule = schedule;
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
        this.executor = executor;
    }

    /** Starts a sync on demand: full unless {@code mode} asks for the changes only. */
    public Outcome start(Principal caller, Mode mode) {
        policy.require(caller, Action.MANAGE_DIRECTORY, ReadDirectory.DIRECTORY);
        if (runner.isEmpty()) {
            throw new Unprocessable(
                    "directory_not_configured",
                    null,
                    "no directory is configured to sync from (set the LDAP URL and base DN of the server)");
        }
        return begin(Trigger.ON_DEMAND, mode, Optional.of(caller.userId()));
    }

    /** Starts the scheduled sync when one is due (see {@link DirectorySyncSchedule}); empty otherwise. */
    public Optional<DirectorySync> startIfDue() {
        if (runner.isEmpty() || !schedule.enabled()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<Mode> due = transactions.readOnly(() -> schedule.due(
                syncs.list(PageRequest.first(1)).items().stream().findFirst(), syncs.lastSucceeded(true), now));
        if (due.isEmpty()) {
            return Optional.empty();
        }
        Outcome outcome = begin(Trigger.SCHEDULED, due.get(), Optional.empty());
        return outcome instanceof Outcome.Started started ? Optional.of(started.sync()) : Optional.empty();
    }

    private Outcome begin(Trigger trigger, Mode mode, Optional<UserId> by) {
        for (int attempt = 0; ; attempt++) {
            try {
                Outcome outcome = transactions.inTransaction(() -> {
                    Instant now = clock.instant();
                    Optional<DirectorySync> running = syncs.running();
                    if (running.isPresent()) {
                        if (!running.get().abandonedAt(now, ABANDONED_AFTER)) {
                            return new Outcome.AlreadyRunning(running.get());
                        }
                        DirectorySync abandoned = running.get()
                                .failed(
                                        "abandoned: no sign of life since "
                                                + running.get().heartbeatAt() + " (the server running it stopped)",
                                        now);
                        if (syncs.finish(abandoned)) {
                            audit.record(
                                    Optional.empty(),
                                    "directory.sync",
                                    "directory-sync",
                                    abandoned.id().toString(),
                                    Map.of(),
                                    abandoned.auditFields());
                        }
                    }
                    Optional<Long> expected = syncs.lastSucceeded(true)
                            .map(s -> s.counts().accountsRead())
                            .or(() -> Optional.of(directory.accountCount()).filter(n -> n > 0));
                    DirectorySync fresh = DirectorySync.start(SyncId.random(), trigger, mode, by, expected, now);
                    syncs.start(fresh);
                    return new Outcome.Started(fresh);
                });
                return outcome instanceof Outcome.Started started ? launch(started.sync()) : outcome;
            } catch (Conflict raced) {
                // Another process started one between our look and our insert: answer that one.
                Optional<DirectorySync> running = transactions.readOnly(syncs::running);
                if (running.isPresent()) {
                    return new Outcome.AlreadyRunning(running.get());
                }
                if (attempt > 0) {
                    throw raced;
                }
            }
        }
    }

    private Outcome launch(DirectorySync sync) {
        try {
            executor.execute(() -> runner.orElseThrow().run(sync));
        } catch (RejectedExecutionException e) {
            DirectorySync failed = sync.failed("the server is stopping; the sync did not start", clock.instant());
            transactions.run(() -> syncs.finish(failed));
            return new Outcome.Started(failed);
        }
        return new Outcome.Started(sync);
    }
}
