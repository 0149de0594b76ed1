package org.openprofiles.domain.shared;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** One slice of a list, and the cursor of the next slice when there is one. */
public record Page<T>(List<T> items, Optional<String> nextCursor) {

    public Page {
        items = List.copyOf(items);
        if (nextCursor == null) {
            throw new IllegalArgumentException("nextCursor must not be null (use Optional.empty())");
        }
    }

    /** A page with nothing on it and nothing after it. */
    public static <T> Page<T> empty() {
        return new Page<>(List.of(), Optional.empty());
    }

    public static <T> Page<T> last(List<T> items) {
        return new Page<>(items, Optional.empty());
    }

    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), nextCursor);
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }
}
