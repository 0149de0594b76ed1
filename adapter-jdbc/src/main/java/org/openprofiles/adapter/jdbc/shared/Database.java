package org.openprofiles.adapter.jdbc.shared;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.MetricsTrackerFactory;
import com.zaxxer.hikari.pool.HikariPool;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.openprofiles.application.shared.ChangeFeed;

/**
 * The service's connection to PostgreSQL: a bounded pool, a migrated schema, and the Jdbi that
 * every repository shares. Opening it fails fast, with one line, when the database is not there.
 */
public final class Database implements AutoCloseable {

    private final DatabaseSettings settings;
    private final HikariDataSource pool;
    private final Jdbi jdbi;
    private final JdbiTransactions transactions;
    private final StatementCounter statements = new StatementCounter();
    private final Migrations.Outcome migrations;
    private JdbiChangeFeed changeFeed;

    private Database(DatabaseSettings settings, HikariDataSource pool, Migrations.Outcome migrations) {
        this.settings = settings;
        this.pool = pool;
        this.migrations = migrations;
        this.jdbi = configure(Jdbi.create(pool));
        this.jdbi.addCustomizer(statements);
        this.transactions = new JdbiTransactions(jdbi);
        // Loaded now rather than on the first list request, which may hold the pool's last connection.
        this.transactions.cursors();
    }

    /** Connects, migrates, and returns a ready database; throws {@link DatabaseUnavailable}. */
    public static Database open(DatabaseSettings settings) {
        checkReachable(settings);
        HikariDataSource pool = createPool(settings);
        try {
            return new Database(settings, pool, Migrations.apply(pool));
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    /** Installs the plugins and mappers every repository relies on. */
    public static Jdbi configure(Jdbi jdbi) {
        return jdbi.installPlugin(new SqlObjectPlugin()).installPlugin(new PostgresPlugin());
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public JdbiTransactions transactions() {
        return transactions;
    }

    /**
     * The feed of committed changes to what caches keep, started on first use (a connection of its
     * own that LISTENs) and stopped with this database. Command-line tools never start it.
     */
    public synchronized ChangeFeed changeFeed() {
        if (changeFeed == null) {
            changeFeed = JdbiChangeFeed.start(settings, transactions);
        }
        return changeFeed;
    }

    /** How many statements this database has run: tests use it to bound a route's queries. */
    public StatementCounter statements() {
        return statements;
    }

    public DataSource dataSource() {
        return pool;
    }

    /** What opening the database migrated. */
    public Migrations.Outcome migrations() {
        return migrations;
    }

    /** How many connections the pool may hold. */
    public int poolSize() {
        return pool.getMaximumPoolSize();
    }

    /**
     * Publishes the pool's gauges and timers (connections active, idle, pending, acquisition
     * time, …) through {@code metrics}, e.g. Hikari's Micrometer tracker; once per database.
     */
    public void recordPoolMetrics(MetricsTrackerFactory metrics) {
        pool.setMetricsTrackerFactory(metrics);
    }

    /** True when a trivial query answers within two seconds. */
    public boolean answers() {
        try (Connection connection = pool.getConnection()) {
            return connection.isValid(2);
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            if (changeFeed != null) {
                changeFeed.close();
            }
        }
        pool.close();
    }

    /**
     * One plain connection before the pool exists: an unreachable server then fails with our one
     * line, not with the pool's own error log.
     */
    private static void checkReachable(DatabaseSettings settings) {
        try (Connection connection = settings.connect("openprofiles")) {
            connection.isValid(2);
        } catch (SQLException e) {
            throw new DatabaseUnavailable(
                    "cannot connect to the database at " + settings.url() + ": " + Migrations.firstLine(rootMessage(e)),
                    e);
        }
    }

    private static HikariDataSource createPool(DatabaseSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("openprofiles");
        config.setJdbcUrl(settings.url());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(settings.poolSize());
        config.setMinimumIdle(Math.min(2, settings.poolSize()));
        config.setConnectionTimeout(5_000);
        config.setValidationTimeout(2_000);
        config.setInitializationFailTimeout(5_000);
        config.setAutoCommit(true);
        try {
            return new HikariDataSource(config);
        } catch (HikariPool.PoolInitializationException e) {
            throw new DatabaseUnavailable(
                    "cannot connect to the database at " + settings.url() + ": " + Migrations.firstLine(rootMessage(e)),
                    e);
        } catch (RuntimeException e) {
            throw new DatabaseUnavailable(
                    "cannot use the database at " + settings.url() + ": " + Migrations.firstLine(rootMessage(e)), e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage() != null
                ? cause.getMessage()
                : cause.getClass().getSimpleName();
    }
}
