package org.openprofiles.adapter.jdbc.shared;

import java.sql.SQLException;
import java.util.Optional;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/** Reading PostgreSQL's answers: which constraint a failed statement broke. */
public final class Sql {

    public static final String UNIQUE_VIOLATION = "23505";
    public static final String FOREIGN_KEY_VIOLATION = "23503";

    private Sql() {}

    /** The SQLSTATE of a failed statement, when PostgreSQL sent one. */
    public static Optional<String> state(UnableToExecuteStatementException e) {
        Throwable cause = e.getCause();
        while (cause != null) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return Optional.of(sql.getSQLState());
            }
            cause = cause.getCause();
        }
        return Optional.empty();
    }

    public static boolean isUniqueViolation(UnableToExecuteStatementException e) {
        return state(e).filter(UNIQUE_VIOLATION::equals).isPresent();
    }
}
