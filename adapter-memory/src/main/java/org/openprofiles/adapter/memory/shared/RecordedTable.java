package org.openprofiles.adapter.memory.shared;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.openprofiles.domain.shared.Page;
import org.openprofiles.domain.shared.PageRequest;

/**
 * A table whose rows keep the order they were added in (recorded order), which its lists follow:
 * each row gets the next number of a sequence, and a page's cursor carries the last row's number,
 * as with the JDBI adapter's {@code seq} columns.
 */
public final class RecordedTable<K, V> {

    /** A value and its place in recorded order. */
    private record Row<V>(V value, long seq) {}

    private final Table<K, Row<V>> rows;
    // Like a database sequence, numbers taken by a rolled-back unit of work are not reused.
    private final AtomicLong sequence = new AtomicLong();

    public RecordedTable(MemoryTransactions transactions) {
        this.rows = new Table<>(transactions);
    }

    public Optional<V> get(K key) {
        return rows.get(key).map(Row::value);
    }

    public boolean contains(K key) {
        return rows.contains(key);
    }

    /** The values of these keys that exist, in recorded order. */
    public List<V> valuesOf(Collection<K> keys) {
        return rows.rowsOf(keys).stream()
                .sorted(Comparator.comparingLong(Row::seq))
                .map(Row::value)
                .toList();
    }

    /** Adds a row after every other; its key must be new (a primary key says the same). */
    public void add(K key, V value) {
        if (rows.contains(key)) {
            throw new IllegalStateException("a row with key " + key + " is stored already");
        }
        rows.put(key, new Row<>(value, sequence.incrementAndGet()));
    }

    /** Replaces the value of an existing row, which keeps its place; does nothing when there is none. */
    public void replace(K key, V value) {
        rows.get(key).ifPresent(row -> rows.put(key, new Row<>(value, row.seq())));
    }

    /** One page of the values that pass {@code filter}, in recorded order. */
    public Page<V> page(Predicate<V> filter, PageRequest page) {
        Optional<Long> after = page.cursor()
                .map(c -> MemoryCursors.number(MemoryCursors.decode(c, 1).get(0)));
        return Listing.page(
                        rows.rows().stream()
                                .filter(row -> filter.test(row.value()))
                                .toList(),
                        Row::seq,
                        Comparator.<Long>naturalOrder(),
                        after,
                        page,
                        last -> MemoryCursors.encode(Long.toString(last.seq())))
                .map(Row::value);
    }
}
