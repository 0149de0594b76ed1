package org.openprofiles.adapter.memory.shared;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.openprofiles.application.shared.ChangeFeed;
import org.openprofiles.application.shared.Transactions;

/**
 * The unit of work in memory, with the guarantees the JDBI one gives on PostgreSQL: what a unit
 * of work writes is undone if it throws, a nested unit joins the outer one (which alone decides),
 * a read-only unit refuses writes and reads one unchanging state, and nobody sees what another has
 * not committed.
 *
 * <p>It gets there the simple way: units of work that write run one at a time (one fair lock
 * held from start to end), read-only ones run together while no writer does, and every change
 * records how to undo itself. So a {@code lock(id)} of a port holds by construction: the second
 * changer of a row waits for the first to finish, as with PostgreSQL's row locks, though here it
 * waits for every writer, not only those of the same row. A port call made outside a unit of work
 * is a unit of its own, like a statement in auto-commit.
 */
public final class MemoryTransactions implements Transactions {

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock(true);
    private final ThreadLocal<UnitOfWork> current = new ThreadLocal<>();
    private final MemoryChangeFeed changeFeed = new MemoryChangeFeed();

    /** One unit of work of one thread: whether it may write, how to undo what it wrote, what to tell once done. */
    private static final class UnitOfWork {
        private final boolean readOnly;
        private final Deque<Runnable> undo = new ArrayDeque<>();
        private final List<Runnable> afterCommit = new ArrayList<>();
        private final List<ChangeFeed.Change> changes = new ArrayList<>();

        UnitOfWork(boolean readOnly) {
            this.readOnly = readOnly;
        }

        void rollBack() {
            while (!undo.isEmpty()) {
                undo.pop().run();
            }
        }
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return run(work, false);
    }

    @Override
    public <T> T readOnly(Supplier<T> work) {
        return run(work, true);
    }

    @Override
    public void afterCommit(Runnable action) {
        UnitOfWork unit = current.get();
        if (unit == null) {
            action.run();
        } else {
            unit.afterCommit.add(action);
        }
    }

    /** The feed that tells the changes of this store's units of work once they commit. */
    public MemoryChangeFeed changeFeed() {
        return changeFeed;
    }

    /** A repository tells a change to what caches keep; the feed hears it when the unit of work commits. */
    public void changed(ChangeFeed.Change change) {
        UnitOfWork unit = current.get();
        if (unit == null || unit.readOnly) {
            throw new IllegalStateException("a change outside a writing unit of work: call it through write()");
        }
        unit.changes.add(change);
    }

    /** True while the calling thread is inside a unit of work. */
    @Override
    public boolean inUnitOfWork() {
        return current.get() != null;
    }

    /** Runs a query of a port: in the caller's unit of work, or alone as a read-only one. */
    public <T> T read(Supplier<T> query) {
        return current.get() != null ? query.get() : run(query, true);
    }

    /**
     * Runs a change of a port: in the caller's unit of work, which must not be read-only, or alone as
     * a unit of its own that commits at once (all of the change, or nothing of it).
     */
    public <T> T write(Supplier<T> change) {
        UnitOfWork unit = current.get();
        if (unit == null) {
            return run(change, false);
        }
        if (unit.readOnly) {
            throw new IllegalStateException("a read-only unit of work cannot change anything");
        }
        return change.get();
    }

    /** Remembers how to undo a change just made in the current, writing unit of work. */
    void recordUndo(Runnable undo) {
        UnitOfWork unit = current.get();
        if (unit == null || unit.readOnly) {
            throw new IllegalStateException("a change outside a writing unit of work: call it through write()");
        }
        unit.undo.push(undo);
    }

    private <T> T run(Supplier<T> work, boolean readOnly) {
        if (current.get() != null) {
            // Nested: join the outer unit of work; it decides commit or rollback.
            return work.get();
        }
        Lock held = readOnly ? lock.readLock() : lock.writeLock();
        held.lock();
        UnitOfWork unit = new UnitOfWork(readOnly);
        current.set(unit);
        T result;
        try {
            result = work.get();
        } catch (RuntimeException | Error failure) {
            unit.rollBack();
            throw failure;
        } finally {
            current.remove();
            held.unlock();
        }
        unit.afterCommit.forEach(Runnable::run);
        unit.changes.forEach(changeFeed::tell);
        return result;
    }
}
