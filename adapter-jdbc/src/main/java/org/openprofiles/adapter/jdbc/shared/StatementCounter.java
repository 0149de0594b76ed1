package org.openprofiles.adapter.jdbc.shared;

import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicLong;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Counts the SQL statements the service runs. Tests read it before and after a request to prove
 * that a route runs a bounded number of statements whatever the size of what it returns.
 */
public final class StatementCounter implements SqlLogger {

    private final AtomicLong executed = new AtomicLong();

    @Override
    public void logAfterExecution(StatementContext context) {
        executed.incrementAndGet();
    }

    @Override
    public void logException(StatementContext context, SQLException ex) {
        executed.incrementAndGet();
    }

    /** Statements run so far by this database's Jdbi. */
    public long count() {
        return executed.get();
    }
}
