package org.openprofiles.adapter.jdbc.shared;

import java.sql.PreparedStatement;
import java.util.concurrent.atomic.AtomicLong;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementCustomizer;

/**
 * Counts the SQL statements the service runs. Tests read it before and after a request to prove
 * that a route runs a bounded number of statements whatever the size of what it returns. A
 * statement customizer, not a SQL logger: a logger makes Jdbi time every statement, which the
 * profile of a busy server showed costing more than the count is worth.
 */
public final class StatementCounter implements StatementCustomizer {

    private final AtomicLong executed = new AtomicLong();

    @Override
    public void beforeExecution(PreparedStatement statement, StatementContext context) {
        executed.incrementAndGet();
    }

    /** Statements run so far by this database's Jdbi. */
    public long count() {
        return executed.get();
    }
}
