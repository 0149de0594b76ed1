package org.openprofiles.adapter.jdbc.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openprofiles.adapter.jdbc.testing.PostgresExtension;
import org.openprofiles.adapter.jdbc.testing.RoundTrips;
import org.openprofiles.adapter.jdbc.testing.TestDatabase;

/**
 * What a unit of work costs in round trips on top of its statements: its COMMIT, and one SET when
 * its connection last served the other kind of unit (one thread here, which the pool gives the
 * connection it used last). Read-only units run at REPEATABLE READ, read-write ones at READ COMMITTED.
 */
@ExtendWith(PostgresExtension.class)
class JdbiUnitOfWorkCostTest {

    private static final String COUNTER = "unit-of-work-" + UUID.randomUUID();
    private static Database database;
    private static JdbiTransactions transactions;

    @BeforeAll
    static void open(TestDatabase db) {
        database = Database.open(new DatabaseSettings(
                RoundTrips.url(db.url(), COUNTER),
                db.settings().user(),
                db.settings().password(),
                2));
        transactions = database.transactions();
    }

    @AfterAll
    static void close() {
        database.close();
    }

    private static String isolation() {
        return transactions.withHandle(h ->
                h.createQuery("SHOW transaction_isolation").mapTo(String.class).one());
    }

    private static long roundTrips(Supplier<?> work) {
        long before = RoundTrips.count(COUNTER);
        work.get();
        return RoundTrips.count(COUNTER) - before;
    }

    @Test
    void readOnlyUnitsSeeOneSnapshotAndReadWriteOnesReadCommitted() {
        assertEquals("repeatable read", transactions.readOnly(JdbiUnitOfWorkCostTest::isolation));
        assertEquals("read committed", transactions.inTransaction(JdbiUnitOfWorkCostTest::isolation));
        assertEquals("repeatable read", transactions.readOnly(JdbiUnitOfWorkCostTest::isolation));
    }

    @Test
    void aUnitCostsItsStatementsAndItsCommitPlusOneSetWhenItsConnectionChangesKind() {
        transactions.readOnly(JdbiUnitOfWorkCostTest::isolation);
        assertEquals(2, roundTrips(() -> transactions.readOnly(JdbiUnitOfWorkCostTest::isolation)), "read, COMMIT");
        assertEquals(3, roundTrips(() -> transactions.readOnly(() -> isolation() + isolation())), "two reads, COMMIT");
        assertEquals(
                3,
                roundTrips(() -> transactions.inTransaction(JdbiUnitOfWorkCostTest::isolation)),
                "SET, read, COMMIT");
        assertEquals(
                2, roundTrips(() -> transactions.inTransaction(JdbiUnitOfWorkCostTest::isolation)), "read, COMMIT");
        assertEquals(0, roundTrips(() -> transactions.inTransaction(() -> "nothing")), "a unit without statements");
        assertEquals(1, roundTrips(JdbiUnitOfWorkCostTest::isolation), "a statement outside a unit of work");
    }
}
