package org.openprofiles.adapter.jdbc.shared;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;
import org.openprofiles.domain.shared.ServiceUnavailable;

/**
 * The database could not be reached: at start-up (the message is one clear line), or while
 * serving (a lost connection, a database that is restarting, a pool that timed out waiting).
 */
public final class DatabaseUnavailable extends ServiceUnavailable {

    public DatabaseUnavailable(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * The failure {@code thrown} stands for when it means the database is out of reach rather than
     * that a statement failed: connection errors (SQLSTATE class 08), a server shutting down or
     * starting up (57P01–57P03), or a pool that gave up waiting for a connection.
     */
    static Optional<DatabaseUnavailable> causedBy(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof DatabaseUnavailable unavailable) {
                return Optional.of(unavailable);
            }
            if (cause instanceof SQLTransientConnectionException) {
                return Optional.of(new DatabaseUnavailable("no database connection became free in time", cause));
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")) {
                    return Optional.of(
                            new DatabaseUnavailable("the database is not reachable (SQLSTATE " + state + ")", cause));
                }
            }
        }
        return Optional.empty();
    }
}
