package org.openprofiles.domain.shared;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Keyset paging: a query asks for {@code limit + 1} rows; if the extra row came back there is a
 * next page, whose cursor is the sort key of the last row kept.
 */
public final class Keyset {

    private Keyset() {}

    public static <T> Page<T> page(List<T> rowsPlusOne, int limit, Function<T, String> cursorOfLast) {
        if (rowsPlusOne.size() <= limit) {
            return Page.last(rowsPlusOne);
        }
        List<T> items = rowsPlusOne.subList(0, limit);
        return new Page<>(items, Optional.of(cursorOfLast.apply(items.get(limit - 1))));
    }

    /**
     * A page of rows computed in memory: of the rows {@code offer} gives to its sink, those after
     * the cursor ({@code after}), in {@code order}, at most {@code limit} with a cursor when more
     * follow. Only {@code limit + 1} rows are held at any time, however many are offered.
     */
    public static <T> Page<T> top(
            Consumer<Consumer<T>> offer,
            Comparator<T> order,
            Predicate<T> after,
            int limit,
            Function<T, String> cursorOfLast) {
        int keep = limit + 1;
        PriorityQueue<T> kept = new PriorityQueue<>(keep, order.reversed());
        offer.accept(row -> {
            if (!after.test(row)) {
                return;
            }
            if (kept.size() < keep) {
                kept.add(row);
            } else if (order.compare(row, kept.peek()) < 0) {
                kept.poll();
                kept.add(row);
            }
        });
        List<T> rows = new ArrayList<>(kept);
        rows.sort(order);
        return page(Collections.unmodifiableList(rows), limit, cursorOfLast);
    }
}
