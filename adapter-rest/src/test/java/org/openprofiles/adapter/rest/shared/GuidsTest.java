package org.openprofiles.adapter.rest.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openprofiles.domain.shared.Invalid;

/** GUIDs are read only in the 8-4-4-4-12 form, in any case; everything looser is invalid input naming the field. */
class GuidsTest {

    @Test
    void theVendorFormIsReadInAnyCaseAndAroundBlanks() {
        UUID id = UUID.fromString("c0dd5c7d-ec35-4346-baca-3ad711e9722f");
        assertEquals(id, Guids.parse("c0dd5c7d-ec35-4346-baca-3ad711e9722f", "id"));
        assertEquals(id, Guids.parse(" C0DD5C7D-EC35-4346-BACA-3AD711E9722F ", "id"));
        assertEquals(Optional.empty(), Guids.parseReference(Guids.NIL, "ParentProfileUuid"));
        assertEquals(Optional.empty(), Guids.parseReference("", "ParentProfileUuid"));
    }

    @Test
    void anythingLooserIsInvalidAndNamesTheField() {
        for (String bad : List.of(
                "c0dd5c7dec35-4346-baca-3ad711e9722f0",
                "c0dd5c7d-ec35-4346-baca-3ad711e9722",
                "c0dd5c7d-ec35-4346-baca-3ad711e9722ff",
                "g0dd5c7d-ec35-4346-baca-3ad711e9722f",
                "c0dd5c7d-ec35-4346-baca_3ad711e9722f",
                "{c0dd5c7d-ec35-4346-baca-3ad711e9722f}",
                "c0dd5c7d-ec35-4346-baca-3ad711e9722\u0663",
                "1-1-1-1-1")) {
            assertFalse(Guids.wellFormed(bad), bad);
            Invalid invalid = assertThrows(Invalid.class, () -> Guids.parse(bad, "[3].Uuid"), bad);
            assertEquals(Optional.of("[3].Uuid"), invalid.field());
        }
        assertTrue(Guids.wellFormed(UUID.randomUUID().toString()));
    }

    @Test
    void everyGuidReadsAsTheUuidItWritesInEitherCase() {
        List<UUID> ids =
                new ArrayList<>(List.of(new UUID(0, 0), new UUID(-1, -1), new UUID(Long.MIN_VALUE, Long.MAX_VALUE)));
        for (int i = 0; i < 200; i++) {
            ids.add(UUID.randomUUID());
        }
        for (UUID id : ids) {
            assertEquals(id, Guids.parse(id.toString(), "id"));
            assertEquals(id, Guids.parse(id.toString().toUpperCase(Locale.ROOT), "id"));
        }
    }
}
