package org.openprofiles.adapter.memory.shared;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.openprofiles.domain.shared.Keyset;
import org.openprofiles.domain.shared.Page;
import org.openprofiles.domain.shared.PageRequest;

/**
 * Lists in memory, paged as the JDBI adapter pages them: sorted by a key, the rows after the
 * cursor's key, {@code limit} of them and a cursor when more follow. The orders match
 * PostgreSQL's: ids compare as their text (unsigned bytes, unlike {@link UUID#compareTo}), text
 * that the database compares with {@code lower()} compares in lower case.
 */
public final class Listing {

    /** Ids in PostgreSQL's order. */
    public static final Comparator<UUID> IDS = Comparator.comparing(UUID::toString);

    private Listing() {}

    /** {@code text} as PostgreSQL's {@code lower()} gives it for the comparisons of a list. */
    public static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }

    /**
     * One page of {@code rows} in the order of their {@code key}: those whose key comes after
     * {@code after} (the key the page's cursor carries, if any), at most {@code page.limit()}, with
     * {@code cursorOf} the last one's cursor when more follow.
     */
    public static <T, K> Page<T> page(
            Collection<T> rows,
            Function<T, K> key,
            Comparator<K> order,
            Optional<K> after,
            PageRequest page,
            Function<T, String> cursorOf) {
        return Keyset.top(
                rows::forEach,
                Comparator.comparing(key, order),
                row -> after.map(a -> order.compare(key.apply(row), a) > 0).orElse(true),
                page.limit(),
                cursorOf);
    }
}
