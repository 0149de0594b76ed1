package org.openprofiles.application.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The sync's compact set of ids: what was added is there, nothing else is, however it grew. */
class UuidSetTest {

    @Test
    void holdsExactlyWhatWasAddedThroughManyGrowths() {
        UuidSet set = new UuidSet();
        List<UUID> added = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            UUID id = UUID.randomUUID();
            added.add(id);
            assertTrue(set.add(id));
        }
        assertEquals(10_000, set.size());
        added.forEach(id -> assertTrue(set.contains(id)));
        assertFalse(set.add(added.get(42)), "an id is held once");
        assertEquals(10_000, set.size());
        for (int i = 0; i < 1_000; i++) {
            assertFalse(set.contains(UUID.randomUUID()));
        }
    }

    @Test
    void idsThatDifferOnlyInOneHalfAreTwoIds() {
        UuidSet set = new UuidSet();
        set.add(new UUID(0, 0));
        assertTrue(set.contains(new UUID(0, 0)), "even the nil UUID");
        assertFalse(set.contains(new UUID(0, 1)));
        assertFalse(set.contains(new UUID(1, 0)));
    }
}
