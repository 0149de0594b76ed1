package org.openprofiles.adapter.jdbc.shared;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * The statements a server runs before it serves, on a handle's connection with JDBC itself. Jdbi's
 * first statement sets up its statement machinery: its SQL parser, and, on a JVM with the flight
 * recorder, the registration of its statement event, which loads the recorder's metadata and
 * generates classes — about 0.3 s of a start on 2 cores, for nothing a start needs. So a start's own
 * statements (the cursor key, whether an admin exists) go through here, and the server runs Jdbi's
 * first statement after it started serving ({@link Database#warmUpStatements}). A failure is what a
 * Jdbi statement's would be, {@link UnableToExecuteStatementException}, with the driver's exception
 * (and its SQLSTATE) as the cause.
 */
public final class PlainJdbc {

    private PlainJdbc() {}

    /** The first column of the first row {@code sql} returns with {@code parameters}, as text; empty for no row. */
    public static Optional<String> queryText(Handle handle, String sql, String... parameters) {
        return run(handle, connection -> {
            try (PreparedStatement statement = prepared(connection, sql, parameters);
                    ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.ofNullable(rows.getString(1)) : Optional.empty();
            }
        });
    }

    /** Runs {@code sql} with {@code parameters}; how many rows it changed. */
    public static int update(Handle handle, String sql, String... parameters) {
        return run(handle, connection -> {
            try (PreparedStatement statement = prepared(connection, sql, parameters)) {
                return statement.executeUpdate();
            }
        });
    }

    private static PreparedStatement prepared(Connection connection, String sql, String... parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setString(i + 1, parameters[i]);
        }
        return statement;
    }

    private interface Work<T> {
        T on(Connection connection) throws SQLException;
    }

    private static <T> T run(Handle handle, Work<T> work) {
        try {
            return work.on(handle.getConnection());
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException(e, null);
        }
    }
}
