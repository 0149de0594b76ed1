package org.openprofiles.bootstrap;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import org.openprofiles.adapter.jdbc.testing.TestDatabase;
import org.openprofiles.adapter.rest.security.OidcSettings;

/** Builds configurations for servers under test: a free port, and a test database or a data dir. */
final class TestServers {

    private TestServers() {}

    /** The admin token every test server is started with. */
    static final String ADMIN_TOKEN = "test-admin-token-0123456789-abcdefghijklmnop";

    /** A server on a free port using the test class's own database, with {@link #ADMIN_TOKEN}. */
    static Config on(TestDatabase database) {
        return new Config(
                "127.0.0.1",
                0,
                Optional.of(database.url()),
                database.settings().user(),
                database.settings().password(),
                4,
                Path.of("unused"),
                Duration.ofSeconds(2),
                Optional.of(ADMIN_TOKEN),
                Optional.empty(),
                ZoneId.of("UTC"));
    }

    /** As {@link #on}, also accepting the JWTs of the OpenID Connect provider {@code oidc} describes. */
    static Config on(TestDatabase database, OidcSettings oidc) {
        Config plain = on(database);
        return new Config(
                plain.httpHost(),
                plain.httpPort(),
                plain.dbUrl(),
                plain.dbUser(),
                plain.dbPassword(),
                plain.dbPoolSize(),
                plain.dataDir(),
                plain.shutdownGrace(),
                plain.adminToken(),
                Optional.of(oidc),
                plain.profilesTimeZone());
    }

    /** A server on a free port with the embedded PostgreSQL keeping its data in {@code dataDir}. */
    static Config embeddedIn(Path dataDir) throws Exception {
        return Config.load(
                Map.of(), "--http-port", "0", "--data-dir", dataDir.toString(), "--shutdown-grace-seconds", "2");
    }
}
