package org.openprofiles.adapter.jdbc.shared;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.MetricsTrackerFactory;
import com.zaxxer.hikari.pool.HikariPool;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.openprofiles.application.shared.ChangeFeed;

/**
 * The service's connection to PostgreSQL: a bounded pool, a migrated schema, and the Jdbi that
 * every repository shares. Opening it fails fast, with one line, when the database is not there.
 *
 * <p>It is built in two steps: {@link #prepare} sets up everything that does not need the
 * database itself, so that a server can wire its repositories and build its HTTP application
 * while its database is still starting; {@link #open} then connects and brings the schema up to
 * date. Nothing may query it in between: a statement before {@link #open} fails at once.
 */
public final class Database implements AutoCloseable {

    private final DatabaseSettings settings;
    private final HikariDataSource pool;
    private final Jdbi jdbi;
    private final JdbiTransactions transactions;
    private final StatementCounter statements = new StatementCounter();
    private volatile Migrations.Outcome migrations;
    private volatile boolean open;
    private JdbiChangeFeed changeFeed;

    private Database(DatabaseSettings settings) {
        this.settings = settings;
        this.pool = unstartedPool(settings);
        this.jdbi = configure(Jdbi.create(this::connection));
        this.jdbi.addCustomizer(statements);
        this.transactions = new JdbiTransactions(jdbi);
    }

    /** Connects, migrates, and returns a ready database; throws {@link DatabaseUnavailable}. */
    public static Database open(DatabaseSettings settings) {
        Database database = prepare(settings);
        database.open();
        database.loadCursors();
        return database;
    }

    /**
     * Sets up what opening the database needs without connecting to it: the pool (which connects
     * when opened) and the Jdbi with its plugins. A server does this while its embedded PostgreSQL
     * is still starting; the classes loaded here are a good part of a start.
     */
    public static Database prepare(DatabaseSettings settings) {
        return new Database(settings);
    }

    /**
     * Connects and brings the schema up to date, then starts the change feed if it was asked for;
     * throws {@link DatabaseUnavailable} (and closes the pool).
     */
    public void open() {
        try {
            checkReachable(settings);
            start(pool, settings);
            migrations = Migrations.apply(pool);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        synchronized (this) {
            open = true;
            if (changeFeed != null) {
                changeFeed.start();
            }
        }
    }

    /** Jdbi's connections: from the pool once the database is open, never before. */
    private Connection connection() throws SQLException {
        if (!open) {
            throw new IllegalStateException("the database is not open yet: nothing may query it before Database.open");
        }
        return pool.getConnection();
    }

    /**
     * Reads (on a new database: creates) the key list cursors are signed with. A server does it
     * before it serves, not on the first list request, which may hold the pool's last connection.
     */
    public void loadCursors() {
        transactions.cursors();
    }

    /**
     * Runs Jdbi's first statement, which sets up its statement machinery (see {@link PlainJdbc}):
     * a server does it once it serves, so that a request does not have to. Nothing once closed.
     */
    public void warmUpStatements() {
        if (!pool.isClosed()) {
            jdbi.withHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one());
        }
    }

    /**
     * Installs the plugins and mappers every repository relies on, and the argument factory that
     * binds the common types without a search ({@link CommonArguments}).
     */
    public static Jdbi configure(Jdbi jdbi) {
        return jdbi.installPlugin(new PostgresPlugin()).registerArgument(new CommonArguments());
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public JdbiTransactions transactions() {
        return transactions;
    }

    /**
     * The feed of committed changes to what caches keep, started on first use (a connection of its
     * own that LISTENs; asked for before {@link #open}, it starts when the database opens) and
     * stopped with this database. Command-line tools never start it.
     */
    public synchronized ChangeFeed changeFeed() {
        if (changeFeed == null) {
            changeFeed = JdbiChangeFeed.create(settings, transactions);
            if (open) {
                changeFeed.start();
            }
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

    /** The pool, configured; it connects when {@link #start started}. */
    private static HikariDataSource unstartedPool(DatabaseSettings settings) {
        HikariDataSource pool = new HikariDataSource();
        pool.setPoolName("openprofiles");
        pool.setJdbcUrl(settings.url());
        pool.setUsername(settings.user());
        pool.setPassword(settings.password());
        pool.setMaximumPoolSize(settings.poolSize());
        pool.setMinimumIdle(Math.min(2, settings.poolSize()));
        pool.setConnectionTimeout(5_000);
        pool.setValidationTimeout(2_000);
        pool.setInitializationFailTimeout(5_000);
        pool.setAutoCommit(true);
        return pool;
    }

    /** Starts the pool (its first connection), failing with one line when it cannot. */
    private static void start(HikariDataSource pool, DatabaseSettings settings) {
        try (Connection first = pool.getConnection()) {
            // The pool runs now.
        } catch (SQLException | HikariPool.PoolInitializationException e) {
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
