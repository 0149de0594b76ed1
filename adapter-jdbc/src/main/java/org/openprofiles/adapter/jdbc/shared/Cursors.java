package org.openprofiles.adapter.jdbc.shared;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.openprofiles.domain.shared.Invalid;

/**
 * Opaque keyset cursors: the sort key of the last row of a page, base64url-encoded. Clients pass
 * them back unchanged; a cursor that does not decode is a 400 naming {@code cursor}.
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
            throw new Invalid("invalid_cursor", "cursor", "the cursor is not one this service issued");
        }
    }
}
