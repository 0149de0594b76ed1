package org.openprofiles.adapter.jdbc.shared;

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

    private final Jdbi jdbi;
    private final ThreadLocal<Handle> current = new ThreadLocal<>();

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

    /** Runs {@code work} on the current transaction's handle, or on a short-lived one. */
    public <T> T withHandle(Function<Handle, T> work) {
        Handle handle = current.get();
        if (handle != null) {
            return work.apply(handle);
        }
        return jdbi.withHandle(work::apply);
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
        try (Handle handle = jdbi.open()) {
            if (readOnly) {
                handle.setReadOnly(true);
            }
            current.set(handle);
            try {
                TransactionIsolationLevel isolation =
                        readOnly ? TransactionIsolationLevel.REPEATABLE_READ : TransactionIsolationLevel.READ_COMMITTED;
                return handle.inTransaction(isolation, h -> work.get());
            } finally {
                current.remove();
                if (readOnly) {
                    handle.setReadOnly(false);
                }
            }
        }
    }
}
