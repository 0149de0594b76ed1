package org.openprofiles.bootstrap;

import java.nio.file.Path;
import org.openprofiles.adapter.jdbc.testing.TestDatabase;
import org.openprofiles.adapter.rest.security.OidcSettings;

/**
 * Builds configurations for servers under test: a free port, and a test database or a data dir.
 * Tests name only the settings they care about ({@link #builder}), so adding a setting never
 * touches them.
 */
final class TestServers {

    private TestServers() {}

    /** The admin token every test server is started with. */
    static final String ADMIN_TOKEN = "test-admin-token-0123456789-abcdefghijklmnop";

    /**
     * The data directory of test servers that do not ask for their own: one per test run, so the
     * embedded CA is created once and shared (as several instances may share it).
     */
    static final Path SHARED_DATA_DIR = sharedDataDir();

    private static Path sharedDataDir() {
        try {
            Path dir = java.nio.file.Files.createTempDirectory("openprofiles-test-data");
            // The CA's keys live there: gone with the test run.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir)));
            return dir;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Deletes a directory and everything in it, as far as it can. */
    static void deleteTree(Path dir) {
        try (var paths = java.nio.file.Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            // best effort, at exit
        }
    }

    /** The settings of {@link #on}, to add more to before {@code build()}. */
    static Config.Builder builder(TestDatabase database) {
        return Config.builder()
                .with(Config.DATA_DIR, SHARED_DATA_DIR.toString())
                .with(Config.HTTP_PORT, "0")
                .with(Config.DB_URL, database.url())
                .with(Config.DB_USER, database.settings().user())
                .with(Config.DB_PASSWORD, database.settings().password())
                .with(Config.DB_POOL_SIZE, "4")
                .with(Config.SHUTDOWN_GRACE_SECONDS, "2")
                .with(Config.ADMIN_TOKEN, ADMIN_TOKEN);
    }

    /** A server on a free port using the test class's own database, with {@link #ADMIN_TOKEN}. */
    static Config on(TestDatabase database) {
        return build(builder(database));
    }

    /** As {@link #on}, also accepting the JWTs of the OpenID Connect provider {@code oidc} describes. */
    static Config on(TestDatabase database, OidcSettings oidc) {
        return build(builder(database)
                .with(Config.OIDC_ISSUER, oidc.issuer())
                .with(Config.OIDC_AUDIENCE, oidc.audience())
                .with(Config.OIDC_JWKS, oidc.jwks())
                .with(Config.OIDC_USER_CLAIM, oidc.userClaim())
                .with(Config.OIDC_ROLES_CLAIM, oidc.rolesClaim().orElse("")));
    }

    /** {@code builder.build()} for settings a test knows to be valid. */
    static Config build(Config.Builder builder) {
        try {
            return builder.build();
        } catch (Config.Invalid e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** A server on a free port with the embedded PostgreSQL keeping its data in {@code dataDir}. */
    static Config embeddedIn(Path dataDir) throws Exception {
        return Config.load(
                java.util.Map.of(),
                "--http-port",
                "0",
                "--data-dir",
                dataDir.toString(),
                "--shutdown-grace-seconds",
                "2");
    }

    /** A new database without any schema on the same PostgreSQL as {@code sibling}; returns its URL. */
    static String createEmptyDatabase(String siblingUrl) throws java.sql.SQLException {
        String base = siblingUrl.substring(0, siblingUrl.lastIndexOf('/') + 1);
        String name = "empty_"
                + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection(base + "postgres", "postgres", "");
                java.sql.Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        return base + name;
    }
}
