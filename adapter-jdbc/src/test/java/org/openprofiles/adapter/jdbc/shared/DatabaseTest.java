package org.openprofiles.adapter.jdbc.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openprofiles.adapter.jdbc.health.JdbcDatabaseProbe;
import org.openprofiles.adapter.jdbc.testing.PostgresExtension;
import org.openprofiles.adapter.jdbc.testing.TestDatabase;

@ExtendWith(PostgresExtension.class)
class DatabaseTest {

    @Test
    void openingMigratesTheSchemaAndAnswersTheProbe(TestDatabase db) {
        try (Database database = Database.open(db.settings())) {
            assertTrue(new JdbcDatabaseProbe(database).answers());
            int tables = db.jdbi()
                    .withHandle(h -> h.createQuery(
                                    "SELECT count(*) FROM information_schema.tables WHERE table_name = 'setting'")
                            .mapTo(Integer.class)
                            .one());
            assertEquals(1, tables);
            assertEquals(0, Migrations.migrate(database.dataSource()), "a second migrate finds nothing pending");
        }
    }

    @Test
    void anUnreachableDatabaseFailsWithOneClearLine() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        DatabaseSettings nowhere =
                new DatabaseSettings("jdbc:postgresql://127.0.0.1:" + closedPort + "/nothing", "nobody", "secret", 2);
        DatabaseUnavailable failure = assertThrows(DatabaseUnavailable.class, () -> Database.open(nowhere));
        assertTrue(
                failure.getMessage().startsWith("cannot connect to the database at jdbc:postgresql://127.0.0.1:"),
                failure.getMessage());
        assertFalse(failure.getMessage().contains("\n"), "one line: " + failure.getMessage());
        assertFalse(failure.getMessage().contains("secret"), "never the password");
    }

    @Test
    void preparingDoesNotConnectAndNothingQueriesBeforeItOpens(TestDatabase db) throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        DatabaseSettings notYetThere =
                new DatabaseSettings("jdbc:postgresql://127.0.0.1:" + closedPort + "/nothing", "nobody", "secret", 2);
        try (Database prepared = Database.prepare(notYetThere)) {
            DatabaseUnavailable failure = assertThrows(DatabaseUnavailable.class, prepared::open);
            assertTrue(failure.getMessage().startsWith("cannot connect to the database at"), failure.getMessage());
        }

        try (Database database = Database.prepare(db.settings())) {
            assertThrows(
                    IllegalStateException.class,
                    () -> database.jdbi()
                            .withHandle(h -> h.createQuery("SELECT 1")
                                    .mapTo(Integer.class)
                                    .one()),
                    "a statement before open fails at once");
            database.open();
            Integer one = database.jdbi()
                    .withHandle(
                            h -> h.createQuery("SELECT 1").mapTo(Integer.class).one());
            assertEquals(1, one);
            assertTrue(new JdbcDatabaseProbe(database).answers());
        }
    }

    @Test
    void theProbeSaysNoOnceTheDatabaseIsGone(TestDatabase db) {
        Database database = Database.open(db.settings());
        database.close();
        assertFalse(new JdbcDatabaseProbe(database).answers());
    }
}
