package org.openprofiles.domain.shared;

import java.util.Optional;

/**
 * Which slice of a list to return: at most {@code limit} items after the opaque {@code cursor}.
 * Every list in the service is read through one of these, so no list is ever unbounded.
 */
public record PageRequest(Optional<String> cursor, int limit) {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    public PageRequest {
        if (cursor == null) {
            throw new IllegalArgumentException("cursor must not be null (use Optional.empty())");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new Invalid(
                    "limit_out_of_range", "limit", "limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
        }
    }

    public static PageRequest first(int limit) {
        return new PageRequest(Optional.empty(), limit);
    }

    public static PageRequest firstDefault() {
        return first(DEFAULT_LIMIT);
    }

    public PageRequest after(String nextCursor) {
        return new PageRequest(Optional.of(nextCursor), limit);
    }
}
