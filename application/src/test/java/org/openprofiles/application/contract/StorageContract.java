package org.openprofiles.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.openprofiles.domain.shared.Invalid;
import org.openprofiles.domain.shared.Page;
import org.openprofiles.domain.shared.PageRequest;

/**
 * What every port contract shares: one fresh storage of the adapter under test per test class
 * (tests of a class share it, so each test makes its own rows with fresh ids and names and looks
 * only at those), helpers for paging through a whole list, and a second thread for the
 * concurrency contracts.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class StorageContract {

    /** How long a concurrency contract waits before it concludes that a thread is blocked. */
    protected static final long BLOCKED_MILLIS = 300;

    private Storage storage;
    private Fixtures fixtures;
    private ExecutorService threads;

    /** Fresh, empty storage of the adapter under test; closed after the test class. */
    protected abstract Storage openStorage();

    @BeforeAll
    final void openStorageForTheClass() {
        storage = openStorage();
        fixtures = new Fixtures(storage);
        threads = Executors.newCachedThreadPool();
    }

    @AfterAll
    final void closeStorageOfTheClass() throws InterruptedException {
        threads.shutdownNow();
        threads.awaitTermination(10, TimeUnit.SECONDS);
        storage.close();
    }

    protected final Storage storage() {
        return storage;
    }

    protected final Fixtures fixtures() {
        return fixtures;
    }

    /** Runs {@code work} on another thread (a second client of the same storage). */
    protected final <T> Future<T> inBackground(Callable<T> work) {
        return threads.submit(work);
    }

    /** The result of {@code future}, which must come within ten seconds. */
    protected static <T> T await(Future<T> future) throws Exception {
        return future.get(10, TimeUnit.SECONDS);
    }

    /** Waits (at most ten seconds) until {@code latch} opens. */
    protected static void awaitLatch(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("a latch of the test did not open in time");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code future} has not finished after {@link #BLOCKED_MILLIS}: its thread waits. */
    protected static void assertStillWaiting(Future<?> future, String what) {
        assertThrows(TimeoutException.class, () -> future.get(BLOCKED_MILLIS, TimeUnit.MILLISECONDS), what);
    }

    /**
     * The locking contract, run with two threads: a first unit of work takes a lock ({@code lock})
     * and holds it; a second unit of work ({@code second}) must then wait until the first has made
     * its change ({@code change}) and committed, and it sees that change. Returns what the second saw.
     */
    protected final <L, T> T secondWaitsForTheFirst(Supplier<L> lock, Consumer<L> change, Supplier<T> second)
            throws Exception {
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch secondStarted = new CountDownLatch(1);
        Future<Object> first = inBackground(() -> storage.transactions().inTransaction(() -> {
            L held = lock.get();
            locked.countDown();
            awaitLatch(release);
            change.accept(held);
            return null;
        }));
        try {
            awaitLatch(locked);
            Future<T> waiting = inBackground(() -> {
                secondStarted.countDown();
                return storage.transactions().inTransaction(second);
            });
            awaitLatch(secondStarted);
            assertStillWaiting(waiting, "the second unit of work waits while the first holds the lock");
            release.countDown();
            await(first);
            return await(waiting);
        } finally {
            release.countDown();
        }
    }

    /** Every item of a paged list, reading pages of {@code limit} until there is no next cursor. */
    protected static <T> List<T> all(int limit, Function<PageRequest, Page<T>> list) {
        List<T> items = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        int pages = 0;
        do {
            Page<T> page = list.apply(new PageRequest(cursor, limit));
            assertTrue(page.items().size() <= limit, "a page holds at most its limit");
            if (page.nextCursor().isPresent()) {
                assertFalse(page.items().isEmpty(), "a page with more after it is not empty");
            }
            items.addAll(page.items());
            cursor = page.nextCursor();
            if (++pages > 10_000) {
                throw new AssertionError("the list does not end");
            }
        } while (cursor.isPresent());
        return items;
    }

    private static String plainCursor(List<String> parts) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(String.join("\u001f", parts).getBytes(StandardCharsets.UTF_8));
    }

    /** {@code keys} (the sort keys of a whole list, in list order) are in ascending order, ignoring case. */
    protected static void assertInOrderIgnoringCase(List<String> keys, String what) {
        List<String> lower = keys.stream().map(k -> k.toLowerCase(Locale.ROOT)).toList();
        assertEquals(lower.stream().sorted().toList(), lower, what);
    }

    /**
     * Cursors the adapter did not issue are refused as invalid input naming {@code cursor}: text that
     * is no cursor at all, and cursors in the plain form (base64url of the key parts) whose
     * {@code keyParts} parts hold no sort key of this list, or one part too many. An adapter may
     * refuse more (the JDBI one signs its cursors); it may not accept these. Name-keyed lists pass
     * 0: any text may be a name.
     */
    protected static void assertForeignCursorsAreRefused(int keyParts, Function<PageRequest, ?> list) {
        List<String> foreign = new ArrayList<>(List.of("not a cursor!", "%%%"));
        if (keyParts > 0) {
            foreign.add(plainCursor(Collections.nCopies(keyParts, "x")));
            foreign.add(plainCursor(Collections.nCopies(keyParts + 1, "x")));
        }
        for (String cursor : foreign) {
            Invalid invalid = assertThrows(
                    Invalid.class,
                    () -> list.apply(PageRequest.first(10).after(cursor)),
                    "cursor '" + cursor + "' is not one this list issued");
            assertEquals(Optional.of("cursor"), invalid.field());
        }
    }
}
