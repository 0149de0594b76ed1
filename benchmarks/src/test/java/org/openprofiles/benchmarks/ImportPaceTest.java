package org.openprofiles.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openprofiles.benchmarks.ImportPace.Answer;

/** The timed import's pace by halves: a slow start (the server compiling) shows apart from the steady part. */
class ImportPaceTest {

    @Test
    void aSlowFirstHalfShowsApartFromTheSecond() {
        // Two calls at a time, answers out of order: 4 × 10,000 profiles in 2 s, then 4 more in 1 s.
        List<Answer> answers = List.of(
                new Answer(1.0, 10_000),
                new Answer(0.9, 10_000),
                new Answer(2.0, 10_000),
                new Answer(1.9, 10_000),
                new Answer(2.5, 10_000),
                new Answer(2.4, 10_000),
                new Answer(3.0, 10_000),
                new Answer(2.9, 10_000));

        ImportPace pace = ImportPace.of(answers);

        assertEquals(20_000, pace.firstHalf(), 1e-6);
        assertEquals(40_000, pace.secondHalf(), 1e-6);
    }

    @Test
    void theHalfIsCountedInProfilesNotInCalls() {
        // The first call carries most of the profiles: it alone is the first half.
        ImportPace pace =
                ImportPace.of(List.of(new Answer(1.0, 30_000), new Answer(2.0, 5_000), new Answer(3.0, 5_000)));

        assertEquals(30_000, pace.firstHalf(), 1e-6);
        assertEquals(5_000, pace.secondHalf(), 1e-6);
    }

    @Test
    void oneCallHasNoSecondHalf() {
        ImportPace pace = ImportPace.of(List.of(new Answer(0.5, 1_000)));

        assertEquals(2_000, pace.firstHalf(), 1e-6);
        assertTrue(Double.isNaN(pace.secondHalf()));
    }

    @Test
    void anImportOfNothingHasNoPace() {
        assertThrows(IllegalArgumentException.class, () -> ImportPace.of(List.of(new Answer(0.5, 0))));
    }
}
