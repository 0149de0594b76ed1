package org.openprofiles.adapter.memory.shared;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * The sort key of lists shown newest first (the audit trail, a user's tokens): a moment, then an id,
 * both descending. A page's cursor holds both, as the JDBI adapter writes them.
 */
public record NewestFirst(Instant at, UUID id) {

    /** Newest first, then by id descending. */
    public static final Comparator<NewestFirst> ORDER = Comparator.comparing(NewestFirst::at)
            .thenComparing(NewestFirst::id, Listing.IDS)
            .reversed();

    /** The key a cursor of such a list carries. */
    public static NewestFirst after(String cursor) {
        List<String> parts = MemoryCursors.decode(cursor, 2);
        return new NewestFirst(MemoryCursors.moment(parts.get(0)).toInstant(), MemoryCursors.uuid(parts.get(1)));
    }

    /** The cursor of the page that follows the row with this key. */
    public String cursor() {
        return MemoryCursors.encode(at.atOffset(ZoneOffset.UTC).toString(), id.toString());
    }
}
