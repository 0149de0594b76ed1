package org.openprofiles.adapter.rest.shared;

import java.sql.SQLException;

/**
 * A failure as it may be logged: the same classes and stack frames, but with the messages of
 * database failures replaced by their SQLSTATE, because those messages carry the statement's bound
 * values and the rows they clashed with — user data that must not reach a log.
 */
final class Redacted extends RuntimeException {

    private Redacted(String message, Throwable cause) {
        super(message, cause, false, true);
    }

    /** {@code failure} and its causes, redacted where they come from the database. */
    static Throwable of(Throwable failure) {
        if (failure == null) {
            return null;
        }
        Redacted copy = new Redacted(describe(failure), of(failure.getCause()));
        copy.setStackTrace(failure.getStackTrace());
        return copy;
    }

    private static String describe(Throwable failure) {
        String type = failure.getClass().getName();
        if (failure instanceof SQLException sql) {
            return type + ": [redacted] SQLSTATE " + sql.getSQLState();
        }
        if (type.startsWith("org.jdbi.") || type.startsWith("org.postgresql.")) {
            return type + ": [redacted]";
        }
        return failure.getMessage() == null ? type : type + ": " + failure.getMessage();
    }

    @Override
    public String toString() {
        // The copy stands for the original: print its description alone, not this class's name.
        return getMessage();
    }
}
