package org.openprofiles.bootstrap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openprofiles.adapter.jdbc.testing.PostgresExtension;
import org.openprofiles.adapter.jdbc.testing.TestDatabase;

/**
 * Base of end-to-end tests: one real server per test class, on its own fresh database, reached
 * through real HTTP. The admin's token is {@link TestServers#ADMIN_TOKEN}.
 */
@ExtendWith(PostgresExtension.class)
abstract class EndToEndTest {

    protected static Server server;
    protected static Http http;
    protected static TestDatabase db;

    @BeforeAll
    static void startServer(TestDatabase database) {
        db = database;
        server = Server.start(TestServers.on(database));
        http = new Http(server.uri());
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }
}
