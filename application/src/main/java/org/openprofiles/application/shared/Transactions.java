package org.openprofiles.application.shared;

import java.util.function.Supplier;

/**
 * The unit of work. Use cases decide where a transaction begins and ends; every port call made
 * inside {@link #inTransaction} joins the same database transaction, and a failure thrown out of
 * the work rolls all of it back (audit events included).
 */
public interface Transactions {

    /** Runs {@code work} in one read-write transaction and returns its result. */
    <T> T inTransaction(Supplier<T> work);

    /** Runs {@code work} in one read-only transaction: a consistent view for multi-query reads. */
    <T> T readOnly(Supplier<T> work);

    /**
     * Runs {@code action} once the unit of work the caller is in has committed, and never if it
     * rolls back; outside a unit of work, at once. For what must only follow a durable change
     * (counting it in the metrics), never for the change itself. The default suits a unit of work
     * that cannot roll back; every storage adapter overrides it.
     */
    default void afterCommit(Runnable action) {
        action.run();
    }

    /**
     * True while the calling thread is inside a unit of work. Caches use it: inside a unit of work
     * the unit's own view of the data is the truth, so they neither serve nor keep anything there.
     */
    boolean inUnitOfWork();

    default void run(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }
}
