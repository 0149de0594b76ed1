package org.openprofiles.adapter.jdbc.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openprofiles.adapter.jdbc.testing.PostgresExtension;
import org.openprofiles.adapter.jdbc.testing.TestDatabase;

/**
 * What the JDBI unit of work does beyond the contract ({@code JdbiTransactionsContractTest}): how
 * it binds one connection to the thread for a unit of work, and lends one per statement outside.
 */
@ExtendWith(PostgresExtension.class)
class JdbiTransactionsTest {

    private static Database database;
    private static JdbiTransactions transactions;
    private static Jdbi inspect;

    @BeforeAll
    static void open(TestDatabase db) {
        database = Database.open(db.settings());
        transactions = database.transactions();
        inspect = db.jdbi();
        db.execute("CREATE TABLE counter (name text PRIMARY KEY, n int NOT NULL)");
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @BeforeEach
    void empty() {
        inspect.useHandle(h -> h.execute("DELETE FROM counter"));
    }

    @Test
    void aConnectionClosedUnderAUnitOfWorkMeansTheDatabaseIsOutOfReachNotAnUnexpectedFailure() {
        // What the pool does when the server shuts down mid-request: the connection is closed, and
        // the next call on it fails with no SQLSTATE at all.
        DatabaseUnavailable inUnit = assertThrows(
                DatabaseUnavailable.class,
                () -> transactions.run(() -> {
                    transactions.withHandle(h -> {
                        try {
                            h.getConnection().close();
                        } catch (java.sql.SQLException e) {
                            throw new IllegalStateException(e);
                        }
                        return h.execute("INSERT INTO counter VALUES ('lost', 1)");
                    });
                }));
        assertTrue(inUnit.getMessage().contains("connection was lost"), inUnit.getMessage());
        assertThrows(
                DatabaseUnavailable.class,
                () -> transactions.withHandle(h -> {
                    try {
                        h.getConnection().close();
                    } catch (java.sql.SQLException e) {
                        throw new IllegalStateException(e);
                    }
                    return h.execute("INSERT INTO counter VALUES ('lost', 2)");
                }));
        int rows = inspect.withHandle(h -> h.createQuery("SELECT count(*) FROM counter")
                .mapTo(Integer.class)
                .one());
        assertEquals(0, rows, "nothing was written");
    }

    @Test
    void insideAUnitOfWorkEveryCallGetsItsOneHandle() {
        transactions.run(() -> {
            assertTrue(transactions.inUnitOfWork());
            Handle first = transactions.withHandle(h -> h);
            transactions.run(() -> assertSame(first, transactions.withHandle(h -> h), "a nested unit joins"));
            assertSame(first, transactions.withHandle(h -> h));
        });
        assertFalse(transactions.inUnitOfWork());
    }

    @Test
    void outsideAUnitOfWorkEachStatementBorrowsItsOwnConnection() {
        assertTrue(!transactions.inUnitOfWork());
        insert("solo");
        assertEquals(1, count());
    }

    private static void insert(String name) {
        transactions.withHandle(h -> h.execute("INSERT INTO counter(name, n) VALUES (?, 1)", name));
    }

    private static int count() {
        return inspect.withHandle(h -> h.createQuery("SELECT count(*) FROM counter")
                .mapTo(Integer.class)
                .one());
    }
}
