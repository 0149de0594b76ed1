package org.openprofiles.domain.shared;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * Opaque keyset cursors: the sort key of the last row of a page, base64url-encoded. Clients pass
 * them back unchanged; a cursor that does not decode is {@link Invalid} naming {@code cursor}.
 * Every storage adapter pages this way, so a cursor means the same whichever adapter issued it.
 */
public final class Cursors {

    private static final String SEPARATOR = "\u001f";

    private Cursors() {}

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

    /** A part that holds an id; anything else means the cursor was not issued by this list. */
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

    /** A part that holds a moment, written as {@link OffsetDateTime#toString()} writes it. */
    public static OffsetDateTime moment(String part) {
        try {
            return OffsetDateTime.parse(part);
        } catch (DateTimeParseException e) {
            throw foreign();
        }
    }

    private static Invalid foreign() {
        return new Invalid("invalid_cursor", "cursor", "the cursor is not one this service issued");
    }
}
