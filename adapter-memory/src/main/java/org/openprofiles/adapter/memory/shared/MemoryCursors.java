package org.openprofiles.adapter.memory.shared;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.openprofiles.domain.shared.Invalid;

/**
 * The cursors of the in-memory lists: the sort key of a page's last row, base64url-encoded. Every
 * part is read back as what the list wrote there (an id, a position, a moment); anything else is
 * {@link Invalid} naming {@code cursor}. Unlike the JDBI adapter's, they are not signed: a cursor
 * here only picks where a list resumes among the rows the caller may see, it never becomes part of
 * a query.
 */
public final class MemoryCursors {

    private static final String SEPARATOR = "\u001f";

    private MemoryCursors() {}

    public static String encode(String... keyParts) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(String.join(SEPARATOR, keyParts).getBytes(StandardCharsets.UTF_8));
    }

    /** The parts of a cursor; exactly {@code expectedParts} of them or {@link Invalid}. */
    public static List<String> decode(String cursor, int expectedParts) {
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            List<String> parts = Arrays.asList(decoded.split(SEPARATOR, -1));
            if (parts.size() != expectedParts) {
                throw new IllegalArgumentException("wrong number of parts");
            }
            return parts;
        } catch (IllegalArgumentException e) {
            throw foreign();
        }
    }

    /** A part that holds an id. */
    public static UUID uuid(String part) {
        try {
            return UUID.fromString(part);
        } catch (IllegalArgumentException e) {
            throw foreign();
        }
    }

    /** A part that holds a position in recorded order. */
    public static long number(String part) {
        try {
            return Long.parseLong(part);
        } catch (NumberFormatException e) {
            throw foreign();
        }
    }

    /** A part that holds a moment, as {@link OffsetDateTime#toString()} writes it. */
    public static OffsetDateTime moment(String part) {
        try {
            return OffsetDateTime.parse(part);
        } catch (DateTimeParseException e) {
            throw foreign();
        }
    }

    private static Invalid foreign() {
        return new Invalid("invalid_cursor", "cursor", "the cursor is not one this store issued");
    }
}
