package org.openprofiles.adapter.jdbc.shared;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import org.openprofiles.application.shared.ChangeFeed;
import org.openprofiles.application.shared.Transactions;

/**
 * The unit of work on Jdbi. The handle of the transaction in progress is bound to the calling
 * thread, and every repository asks {@link #withHandle} for it, so all the port calls a use case
 * makes inside one {@code inTransaction} share one database transaction. Outside a transaction,
 * {@code withHandle} borrows a connection for that one statement.
 *
 * <p>Read-write units of work run at READ COMMITTED (row locks and unique indexes serialize the
 * changes that clash). Read-only ones run at REPEATABLE READ: every query of a multi-query read
 * sees the same snapshot, as {@link Transactions#readOnly} promises; PostgreSQL never fails a
 * read-only transaction for serialization, so this costs nothing.
 *
 * <p>Round trips are what a unit of work costs on top of its statements, so it makes as few as
 * it can: the driver sends BEGIN (READ ONLY) together with the first statement, and a unit costs
 * one more, its COMMIT (none when it ran no statement). The isolation level is the connection's
 * session default, set only when a connection last served the other kind of unit (this class
 * remembers each connection's level), never read back from the server and never restored.
 */
public final class JdbiTransactions implements Transactions {

    /** The setting that keeps the installation's cursor key (base64), created on first use. */
    static final String CURSOR_KEY_SETTING = "cursor_signing_key";

    private final Jdbi jdbi;
    private final ThreadLocal<Unit> current = new ThreadLocal<>();
    private final Map<Connection, TransactionIsolationLevel> sessionLevels =
            Collections.synchronizedMap(new WeakHashMap<>());
    private volatile Cursors cursors;
    private volatile Consumer<ChangeFeed.Change> localChanges = change -> {};

    /** A unit of work in progress: its handle, and what to do once it has committed. */
    private static final class Unit {
        private final Handle handle;
        private final List<Runnable> afterCommit = new ArrayList<>();

        Unit(Handle handle) {
            this.handle = handle;
        }
    }

    public JdbiTransactions(Jdbi jdbi) {
        this.jdbi = jdbi;
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
        Unit unit = current.get();
        if (unit == null) {
            action.run();
        } else {
            unit.afterCommit.add(action);
        }
    }

    /** Runs {@code work} on the current transaction's handle, or on a short-lived one. */
    public <T> T withHandle(Function<Handle, T> work) {
        Unit unit = current.get();
        if (unit != null) {
            return work.apply(unit.handle);
        }
        return unavailableWhenUnreachable(() -> jdbi.withHandle(h -> unavailableWhenLost(h, () -> work.apply(h))));
    }

    /**
     * Runs {@code work} on {@code handle}; a failure that leaves the handle's connection closed
     * (the server went down or ended the session under it, and the pool closed the connection)
     * means the database is out of reach, whatever the failure's own SQLSTATE says.
     */
    private static <T> T unavailableWhenLost(Handle handle, Supplier<T> work) {
        try {
            return work.get();
        } catch (RuntimeException e) {
            if (connectionLost(handle)) {
                throw new DatabaseUnavailable("the database connection was lost", e);
            }
            throw e;
        }
    }

    private static boolean connectionLost(Handle handle) {
        try {
            return handle.getConnection().isClosed();
        } catch (java.sql.SQLException | RuntimeException e) {
            return true;
        }
    }

    /**
     * A repository tells that it changed something caches keep: this node's {@link ChangeFeed}
     * hears it once the unit of work commits (at once outside a unit of work, whose statement has
     * committed). Other nodes hear it from the database itself (V60's triggers).
     */
    public void changed(ChangeFeed.Change change) {
        Unit unit = current.get();
        if (unit == null) {
            localChanges.accept(change);
        } else {
            unit.afterCommit.add(() -> localChanges.accept(change));
        }
    }

    /** Where {@link #changed} changes go on this node: the change feed, once it runs. */
    public void onLocalChange(Consumer<ChangeFeed.Change> listener) {
        this.localChanges = listener;
    }

    /** Runs {@code work}, turning a database out of reach into {@link DatabaseUnavailable}. */
    private static <T> T unavailableWhenUnreachable(Supplier<T> work) {
        try {
            return work.get();
        } catch (RuntimeException e) {
            throw DatabaseUnavailable.causedBy(e)
                    .map(RuntimeException.class::cast)
                    .orElse(e);
        }
    }

    /**
     * The cursors of this installation, signed with its key: the first caller on a database
     * without one creates it (concurrent first callers, on any node, agree on the stored one).
     */
    public Cursors cursors() {
        Cursors loaded = cursors;
        if (loaded == null) {
            synchronized (this) {
                if (cursors == null) {
                    cursors = new Cursors(loadOrCreateCursorKey());
                }
                loaded = cursors;
            }
        }
        return loaded;
    }

    private byte[] loadOrCreateCursorKey() {
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        // With JDBC itself: a start runs this before it serves (see PlainJdbc).
        String stored = jdbi.withHandle(h -> {
            PlainJdbc.update(
                    h,
                    "INSERT INTO setting (key, value) VALUES (?, to_jsonb(CAST(? AS text))) ON CONFLICT (key) DO NOTHING",
                    CURSOR_KEY_SETTING,
                    Base64.getEncoder().encodeToString(fresh));
            return PlainJdbc.queryText(h, "SELECT value #>> '{}' FROM setting WHERE key = ?", CURSOR_KEY_SETTING)
                    .orElseThrow();
        });
        return Base64.getDecoder().decode(stored);
    }

    @Override
    public boolean inUnitOfWork() {
        return current.get() != null;
    }

    private <T> T run(Supplier<T> work, boolean readOnly) {
        if (current.get() != null) {
            // Nested: join the outer unit of work; it decides commit or rollback.
            return work.get();
        }
        return unavailableWhenUnreachable(() -> runAlone(work, readOnly));
    }

    private <T> T runAlone(Supplier<T> work, boolean readOnly) {
        T result;
        Unit unit;
        try (Handle handle = jdbi.open()) {
            unit = new Unit(handle);
            result = unavailableWhenLost(handle, () -> {
                isolate(
                        handle,
                        readOnly
                                ? TransactionIsolationLevel.REPEATABLE_READ
                                : TransactionIsolationLevel.READ_COMMITTED);
                if (readOnly) {
                    // The driver then sends BEGIN READ ONLY with the first statement: no round trip of its own.
                    handle.setReadOnly(true);
                }
                current.set(unit);
                try {
                    return handle.inTransaction(h -> work.get());
                } finally {
                    current.remove();
                    if (readOnly && !connectionLost(handle)) {
                        handle.setReadOnly(false);
                    }
                }
            });
        }
        unit.afterCommit.forEach(Runnable::run);
        return result;
    }

    /**
     * Makes {@code level} the session default of the handle's connection unless it is already:
     * one statement when a connection changes kind of unit, none otherwise.
     */
    private void isolate(Handle handle, TransactionIsolationLevel level) {
        try {
            Connection physical = handle.getConnection().unwrap(Connection.class);
            if (sessionLevels.get(physical) == level) {
                return;
            }
            try (Statement statement = physical.createStatement()) {
                statement.execute("SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL "
                        + (level == TransactionIsolationLevel.REPEATABLE_READ ? "REPEATABLE READ" : "READ COMMITTED"));
            }
            sessionLevels.put(physical, level);
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException("cannot set the transaction isolation", e, null);
        }
    }
}
