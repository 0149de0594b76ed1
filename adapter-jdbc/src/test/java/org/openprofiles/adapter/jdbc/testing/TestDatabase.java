package org.openprofiles.adapter.jdbc.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.jdbi.v3.core.Jdbi;
import org.openprofiles.adapter.jdbc.shared.Database;
import org.openprofiles.adapter.jdbc.shared.DatabaseSettings;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A fresh, migrated PostgreSQL database that belongs to one test class. Hand its
 * {@link #settings()} to the server under test, or use {@link #jdbi()} directly.
 */
public final class TestDatabase {

    private final String url;
    private final String user;
    private final String password;
    private final Jdbi jdbi;

    TestDatabase(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(url);
        dataSource.setUser(user);
        dataSource.setPassword(password);
        this.jdbi = Database.configure(Jdbi.create(dataSource));
    }

    public String url() {
        return url;
    }

    public DatabaseSettings settings(int poolSize) {
        return new DatabaseSettings(url, user, password, poolSize);
    }

    public DatabaseSettings settings() {
        return settings(4);
    }

    /** A Jdbi on a plain (unpooled) data source: for arranging and inspecting rows in tests. */
    public Jdbi jdbi() {
        return jdbi;
    }

    /** Runs one SQL statement outside any transaction (DDL, fixtures). */
    public void execute(String sql) {
        jdbi.useHandle(handle -> {
            try (Connection connection = handle.getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute(sql);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
