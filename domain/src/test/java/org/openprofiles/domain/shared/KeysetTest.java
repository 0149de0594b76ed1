package org.openprofiles.domain.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class KeysetTest {

    @Test
    void aPageComputedInMemoryIsTheSortedRowsAfterTheCursorWithACursorWhenMoreFollow() {
        List<Integer> rows = new ArrayList<>(IntStream.range(0, 1_000).boxed().toList());
        Collections.shuffle(rows, new Random(7));

        Page<Integer> first = Keyset.top(rows::forEach, Comparator.naturalOrder(), row -> true, 10, String::valueOf);
        assertEquals(IntStream.range(0, 10).boxed().toList(), first.items());
        assertEquals(Optional.of("9"), first.nextCursor());

        int after = Integer.parseInt(first.nextCursor().orElseThrow());
        Page<Integer> second =
                Keyset.top(rows::forEach, Comparator.naturalOrder(), row -> row > after, 10, String::valueOf);
        assertEquals(IntStream.range(10, 20).boxed().toList(), second.items());

        Page<Integer> last =
                Keyset.top(rows::forEach, Comparator.naturalOrder(), row -> row > 994, 10, String::valueOf);
        assertEquals(List.of(995, 996, 997, 998, 999), last.items());
        assertTrue(last.nextCursor().isEmpty());
    }
}
