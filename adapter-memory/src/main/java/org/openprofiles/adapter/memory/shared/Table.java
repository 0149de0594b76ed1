package org.openprofiles.adapter.memory.shared;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One table of the in-memory store: rows by key, whose changes are undone when their unit of work
 * rolls back. Reads and writes must run inside {@link MemoryTransactions#read} or
 * {@link MemoryTransactions#write}; rows are immutable values, so a read never sees a row change
 * under it.
 */
public final class Table<K, V> {

    private final MemoryTransactions transactions;
    private final Map<K, V> rows = new HashMap<>();

    public Table(MemoryTransactions transactions) {
        this.transactions = transactions;
    }

    public Optional<V> get(K key) {
        return Optional.ofNullable(rows.get(key));
    }

    public boolean contains(K key) {
        return rows.containsKey(key);
    }

    /** Every row, as a copy the caller may keep while it changes the table. */
    public List<V> rows() {
        return List.copyOf(rows.values());
    }

    /** The rows of these keys that exist, each once. */
    public List<V> rowsOf(Collection<K> keys) {
        return keys.stream().distinct().map(rows::get).filter(v -> v != null).toList();
    }

    /** Inserts or replaces the row of {@code key}. */
    public void put(K key, V value) {
        V before = rows.put(key, value);
        transactions.recordUndo(() -> restore(key, before));
    }

    /** Removes the row of {@code key}; true when there was one. */
    public boolean remove(K key) {
        V before = rows.remove(key);
        if (before == null) {
            return false;
        }
        transactions.recordUndo(() -> rows.put(key, before));
        return true;
    }

    private void restore(K key, V before) {
        if (before == null) {
            rows.remove(key);
        } else {
            rows.put(key, before);
        }
    }
}
