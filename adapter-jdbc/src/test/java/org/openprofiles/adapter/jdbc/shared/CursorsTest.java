package org.openprofiles.adapter.jdbc.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openprofiles.domain.shared.Invalid;

/** Cursors round-trip, and anything the service did not issue is a 400 naming the cursor. */
class CursorsTest {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private final Cursors cursors = new Cursors(KEY);

    @Test
    void anIssuedCursorDecodesToItsParts() {
        String cursor = cursors.encode("Alice", "6e2b77d2-22a8-44d7-bab0-852573f89227");
        assertEquals(List.of("Alice", "6e2b77d2-22a8-44d7-bab0-852573f89227"), cursors.decode(cursor, 2));
    }

    @Test
    void forgedTamperedOrForeignCursorsAreRefused() {
        String issued = cursors.encode("42");
        String payloadOnly =
                Base64.getUrlEncoder().withoutPadding().encodeToString("42".getBytes(StandardCharsets.UTF_8));
        String otherPayload = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString("not-a-number\u0000".getBytes(StandardCharsets.UTF_8));
        List<String> refused = List.of(
                payloadOnly, // the unsigned form earlier versions issued
                otherPayload + issued.substring(issued.indexOf('.')), // someone else's payload, our tag
                issued.substring(0, issued.length() - 2) + "AA", // tag tampered
                new Cursors("fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII)).encode("42"),
                "%%%.###",
                ".",
                "");
        for (String cursor : refused) {
            Invalid invalid = assertThrows(Invalid.class, () -> cursors.decode(cursor, 1), cursor);
            assertEquals("cursor", invalid.field().orElseThrow());
            assertEquals("invalid_cursor", invalid.code());
        }
        assertThrows(Invalid.class, () -> cursors.decode(issued, 2), "a cursor of another list");
    }
}
