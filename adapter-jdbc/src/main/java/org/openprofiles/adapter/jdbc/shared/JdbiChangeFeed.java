package org.openprofiles.adapter.jdbc.shared;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.openprofiles.application.shared.ChangeFeed;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The change feed on PostgreSQL. Triggers (migration V60) send {@code NOTIFY openprofiles_changes}
 * with {@code user:<id>}, {@code token:<id>} or {@code template:<id>} whenever such a row changes,
 * whoever changes it (this node, another node, the command line); PostgreSQL delivers a
 * notification only when its transaction commits. A thread of this class holds one connection of
 * its own (outside the pool) that LISTENs, and tells every notification to the listeners. Changes
 * made through this node's repositories are also told directly once their unit of work commits
 * ({@link JdbiTransactions#changed}), so that this node never waits for the round trip.
 *
 * <p>The connection is checked every few seconds; when it is lost the feed stops being live and
 * resets its listeners (caches drop everything and serve nothing), reconnects with back-off, and
 * resets them again once it listens anew (what changed in between was not heard).
 */
public final class JdbiChangeFeed implements ChangeFeed, AutoCloseable {

    static final String CHANNEL = "openprofiles_changes";
    static final String APPLICATION_NAME = "openprofiles change feed";

    private static final Logger LOG = LoggerFactory.getLogger(JdbiChangeFeed.class);
    private static final int WAIT_MILLIS = 500;
    private static final long CHECK_EVERY_NANOS = 5_000_000_000L;

    private final DatabaseSettings settings;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean live;
    private volatile boolean closed;
    private volatile Connection connection;

    private JdbiChangeFeed(DatabaseSettings settings) {
        this.settings = settings;
        this.thread = new Thread(this::listen, "change-feed");
        this.thread.setDaemon(true);
    }

    /** A feed that takes the changes {@code local} tells, and listens once {@linkplain #start started}. */
    static JdbiChangeFeed create(DatabaseSettings settings, JdbiTransactions local) {
        JdbiChangeFeed feed = new JdbiChangeFeed(settings);
        local.onLocalChange(feed::tell);
        return feed;
    }

    /**
     * Starts listening: the first connection is made before this returns, so the feed is live at
     * once when the database answers.
     */
    void start() {
        try {
            connect();
        } catch (SQLException e) {
            LOG.warn("change feed: cannot listen yet ({}); caches stay off until it can", e.getMessage());
        }
        thread.start();
    }

    @Override
    public void subscribe(Listener listener) {
        listeners.add(listener);
    }

    @Override
    public boolean live() {
        return live && !closed;
    }

    @Override
    public void close() {
        closed = true;
        live = false;
        thread.interrupt();
        closeConnection();
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void tell(Change change) {
        for (Listener listener : listeners) {
            listener.changed(change);
        }
    }

    private void resetAll() {
        for (Listener listener : listeners) {
            listener.reset();
        }
    }

    private void listen() {
        long backoffMillis = 100;
        long lastCheck = System.nanoTime();
        while (!closed) {
            try {
                if (connection == null) {
                    connect();
                    backoffMillis = 100;
                }
                PGNotification[] notifications =
                        connection.unwrap(PGConnection.class).getNotifications(WAIT_MILLIS);
                if (notifications != null) {
                    for (PGNotification notification : notifications) {
                        parse(notification.getParameter()).ifPresent(this::tell);
                    }
                }
                if (System.nanoTime() - lastCheck > CHECK_EVERY_NANOS) {
                    // A connection that died silently is found here, not by waiting forever.
                    try (Statement check = connection.createStatement()) {
                        check.execute("SELECT 1");
                    }
                    lastCheck = System.nanoTime();
                }
            } catch (SQLException | RuntimeException e) {
                if (closed) {
                    return;
                }
                lost(e);
                sleep(backoffMillis);
                backoffMillis = Math.min(2_000, backoffMillis * 2);
            }
        }
    }

    private void connect() throws SQLException {
        Connection fresh = settings.connect(APPLICATION_NAME);
        try (Statement listen = fresh.createStatement()) {
            // A peer that vanished without closing the connection fails the next check, not never.
            fresh.setNetworkTimeout(Runnable::run, 30_000);
            listen.execute("LISTEN " + CHANNEL);
        } catch (SQLException e) {
            fresh.close();
            throw e;
        }
        connection = fresh;
        // What changed before LISTEN took effect was not heard: drop what was kept, then serve again.
        resetAll();
        live = true;
    }

    private void lost(Exception cause) {
        if (live) {
            LOG.warn(
                    "change feed: lost its database connection ({}); caches are off until it is back",
                    cause.getMessage());
        }
        live = false;
        resetAll();
        closeConnection();
    }

    private void closeConnection() {
        Connection open = connection;
        connection = null;
        if (open != null) {
            try {
                open.close();
            } catch (SQLException e) {
                // Closing a broken connection: nothing more to do.
            }
        }
    }

    /** {@code <topic>:<uuid>} (user, token, template, access-profile, group); anything else is ignored. */
    static Optional<Change> parse(String payload) {
        int colon = payload == null ? -1 : payload.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        Topic topic = switch (payload.substring(0, colon)) {
            case "user" -> Topic.USER;
            case "token" -> Topic.API_TOKEN;
            case "template" -> Topic.PROFILE_TEMPLATE;
            case "access-profile" -> Topic.ACCESS_PROFILE;
            case "group" -> Topic.DIRECTORY_GROUP;
            default -> null;
        };
        try {
            return topic == null
                    ? Optional.empty()
                    : Optional.of(new Change(topic, UUID.fromString(payload.substring(colon + 1))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
