package org.openprofiles.benchmarks;

import java.util.Comparator;
import java.util.List;

/**
 * How fast a timed import went in its first half and in its second, from when each call's answer
 * came: the server compiles the import's path while the first calls run (it served only reads
 * before), and the two halves tell such a slow start from a pace slow throughout.
 *
 * @param firstHalf profiles per second until half of all the profiles were answered
 * @param secondHalf profiles per second from then until the last answer
 */
record ImportPace(double firstHalf, double secondHalf) {

    /**
     * One call's answer.
     *
     * @param seconds when it came, counted from when the first call went out
     * @param profiles how many profiles it imported
     */
    record Answer(double seconds, int profiles) {}

    /** The pace of the answers, in whatever order they are given; at least one answer with a profile. */
    static ImportPace of(List<Answer> answers) {
        List<Answer> inOrder = answers.stream()
                .sorted(Comparator.comparingDouble(Answer::seconds))
                .toList();
        long total = inOrder.stream().mapToLong(Answer::profiles).sum();
        if (total == 0) {
            throw new IllegalArgumentException("no profile was imported");
        }
        // The answer that brought the count to half of all the profiles or past it ends the first half.
        long firstProfiles = 0;
        double half = 0;
        for (Answer answer : inOrder) {
            firstProfiles += answer.profiles();
            half = answer.seconds();
            if (2 * firstProfiles >= total) {
                break;
            }
        }
        double end = inOrder.get(inOrder.size() - 1).seconds();
        double second = end > half ? (total - firstProfiles) / (end - half) : Double.NaN;
        double first = half > 0 ? firstProfiles / half : Double.NaN;
        return new ImportPace(first, second);
    }
}
