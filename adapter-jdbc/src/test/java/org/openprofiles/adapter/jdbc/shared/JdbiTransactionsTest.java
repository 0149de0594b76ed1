package org.openprofiles.adapter.jdbc.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openprofiles.adapter.jdbc.testing.PostgresExtension;
import org.openprofiles.adapter.jdbc.testing.TestDatabase;

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
    void everyStatementInsideOneUnitOfWorkCommitsTogether() {
        transactions.run(() -> {
            insert("a");
            insert("b");
        });
        assertEquals(2, count());
    }

    @Test
    void aFailureRollsBackEverythingTheUnitOfWorkWrote() {
        assertThrows(
                IllegalStateException.class,
                () -> transactions.run(() -> {
                    insert("a");
                    insert("b");
                    throw new IllegalStateException("boom");
                }));
        assertEquals(0, count());
    }

    @Test
    void aNestedUnitOfWorkJoinsTheOuterOneAndRollsBackWithIt() {
        assertThrows(
                IllegalStateException.class,
                () -> transactions.run(() -> {
                    insert("outer");
                    transactions.run(() -> insert("inner"));
                    throw new IllegalStateException("outer fails after inner finished");
                }));
        assertEquals(0, count());
    }

    @Test
    void aReadOnlyUnitOfWorkRefusesWrites() {
        assertThrows(
                RuntimeException.class,
                () -> transactions.readOnly(() -> {
                    insert("a");
                    return null;
                }));
        assertEquals(0, count());
        // The connection went back to the pool writable again.
        transactions.run(() -> insert("after"));
        assertEquals(1, count());
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
