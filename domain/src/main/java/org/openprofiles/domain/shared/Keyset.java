package org.openprofiles.domain.shared;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

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
}
