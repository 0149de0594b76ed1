package org.openprofiles.adapter.jdbc.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.openprofiles.adapter.jdbc.shared.Migrations;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The one database harness every module's tests share.
 *
 * <p>Per test JVM it starts a single embedded PostgreSQL (or, when {@code PROFILES_TEST_DB_URL}
 * names a server, uses that one), migrates a template database once, and gives each test class
 * its own copy made with {@code CREATE DATABASE … TEMPLATE}, which takes milliseconds. Test
 * methods and constructors receive the class's {@link TestDatabase} as a parameter. The copy is
 * dropped after the class.
 *
 * <p>The external server is reached as {@code PROFILES_TEST_DB_USER} /
 * {@code PROFILES_TEST_DB_PASSWORD} (default {@code postgres}/empty); that role needs CREATEDB.
 */
public final class PostgresExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(PostgresExtension.class);
    private static final String TEMPLATE = "openprofiles_template";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    private static Server server;

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getStore(NAMESPACE).put(TestDatabase.class, freshDatabase());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        TestDatabase database = context.getStore(NAMESPACE).get(TestDatabase.class, TestDatabase.class);
        if (database != null) {
            drop(database);
        }
    }

    /**
     * A new copy of the migrated template database on this JVM's server, for a caller that manages
     * its own lifecycle (a port contract's storage); {@link #drop} it when done.
     */
    public static TestDatabase freshDatabase() {
        Server shared = server();
        String name = "t_" + RUN + "_" + SEQUENCE.incrementAndGet();
        shared.execute("CREATE DATABASE " + name + " TEMPLATE " + TEMPLATE);
        return new TestDatabase(shared.urlOf(name), shared.user(), shared.password());
    }

    /** Drops a database {@link #freshDatabase} made, closing whatever connections it still has. */
    public static void drop(TestDatabase database) {
        String name = database.url().substring(database.url().lastIndexOf('/') + 1);
        server().execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestDatabase.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        TestDatabase database = context.getStore(NAMESPACE).get(TestDatabase.class, TestDatabase.class);
        if (database == null) {
            // Resolved from a nested class or before beforeAll: walk up to the class that owns it.
            ExtensionContext parent = context.getParent().orElseThrow();
            database = parent.getStore(NAMESPACE).get(TestDatabase.class, TestDatabase.class);
        }
        return database;
    }

    private static synchronized Server server() {
        if (server == null) {
            server = Server.start();
        }
        return server;
    }

    /** The PostgreSQL server of this JVM: embedded by default, external when configured. */
    private record Server(String baseUrl, String user, String password, EmbeddedPostgres embedded) {

        static Server start() {
            String external = System.getenv("PROFILES_TEST_DB_URL");
            Server server = external == null || external.isBlank() ? startEmbedded() : external(external);
            server.execute("DROP DATABASE IF EXISTS " + TEMPLATE + " WITH (FORCE)");
            server.execute("CREATE DATABASE " + TEMPLATE);
            PGSimpleDataSource template = new PGSimpleDataSource();
            template.setUrl(server.urlOf(TEMPLATE));
            template.setUser(server.user());
            template.setPassword(server.password());
            Migrations.migrate(template);
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "test-postgres-stop"));
            return server;
        }

        private static Server startEmbedded() {
            try {
                EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                        .setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off")
                        .setServerConfig("max_connections", "300")
                        .start();
                return new Server("jdbc:postgresql://localhost:" + postgres.getPort() + "/", "postgres", "", postgres);
            } catch (IOException e) {
                throw new IllegalStateException("could not start embedded PostgreSQL for tests", e);
            }
        }

        private static Server external(String url) {
            String base = url.substring(0, url.lastIndexOf('/') + 1);
            String user = System.getenv().getOrDefault("PROFILES_TEST_DB_USER", "postgres");
            String password = System.getenv().getOrDefault("PROFILES_TEST_DB_PASSWORD", "");
            return new Server(base, user, password, null);
        }

        String urlOf(String database) {
            return baseUrl + database;
        }

        void execute(String sql) {
            try (Connection connection = DriverManager.getConnection(urlOf("postgres"), user, password);
                    Statement statement = connection.createStatement()) {
                statement.execute(sql);
            } catch (SQLException e) {
                throw new IllegalStateException("test database setup failed: " + sql, e);
            }
        }

        void stop() {
            if (embedded != null) {
                try {
                    embedded.close();
                } catch (IOException ignored) {
                    // The JVM is exiting; the temporary data directory is removed by the OS.
                }
            }
        }

        @Override
        public String toString() {
            return "Server[" + baseUrl + "]";
        }
    }
}
