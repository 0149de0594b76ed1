package org.openprofiles.adapter.jdbc.shared;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
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
 */
public final class JdbiTransactions implements Transactions {

    /** The setting that keeps the installation's cursor key (base64), created on first use. */
    static final String CURSOR_KEY_SETTING = "cursor_signing_key";

    private final Jdbi jdbi;
    private final ThreadLocal<Handle> current = new ThreadLocal<>();
    private volatile Cursors cursors;

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
        Handle handle = current.get();
        if (handle == null) {
            action.run();
        } else {
            handle.afterCommit(action);
        }
    }

    /** Runs {@code work} on the current transaction's handle, or on a short-lived one. */
    public <T> T withHandle(Function<Handle, T> work) {
        Handle handle = current.get();
        if (handle != null) {
            return work.apply(handle);
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
        String stored = jdbi.withHandle(h -> {
            h.createUpdate("""
                            INSERT INTO setting (key, value) VALUES (:key, to_jsonb(CAST(:value AS text)))
                            ON CONFLICT (key) DO NOTHING
                            """)
                    .bind("key", CURSOR_KEY_SETTING)
                    .bind("value", Base64.getEncoder().encodeToString(fresh))
                    .execute();
            return h.createQuery("SELECT value #>> '{}' FROM setting WHERE key = :key")
                    .bind("key", CURSOR_KEY_SETTING)
                    .mapTo(String.class)
                    .one();
        });
        return Base64.getDecoder().decode(stored);
    }

    /** True while the calling thread is inside a unit of work. */
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
        try (Handle handle = jdbi.open()) {
            return unavailableWhenLost(handle, () -> {
                if (readOnly) {
                    handle.setReadOnly(true);
                }
                current.set(handle);
                try {
                    TransactionIsolationLevel isolation = readOnly
                            ? TransactionIsolationLevel.REPEATABLE_READ
                            : TransactionIsolationLevel.READ_COMMITTED;
                    return handle.inTransaction(isolation, h -> work.get());
                } finally {
                    current.remove();
                    if (readOnly && !connectionLost(handle)) {
                        handle.setReadOnly(false);
                    }
                }
            });
        }
    }
}
