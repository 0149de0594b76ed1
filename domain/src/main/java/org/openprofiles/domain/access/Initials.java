package org.openprofiles.domain.access;

import java.util.Locale;

/**
 * A profile's initials: what the client gave (trimmed, at most {@value #MAX_LENGTH} characters),
 * or, when it gave none, the upper-cased first letters of the name's first two words ("Test" → "T",
 * "Human Resources" → "HR").
 */
public final class Initials {

    public static final int MAX_LENGTH = 3;

    private Initials() {}

    public static String derive(String name) {
        StringBuilder initials = new StringBuilder();
        for (String word : name.strip().split("[\\s\\-_./]+")) {
            if (initials.length() == 2) {
                break;
            }
            word.codePoints().filter(Character::isLetterOrDigit).findFirst().ifPresent(initials::appendCodePoint);
        }
        return initials.toString().toUpperCase(Locale.ROOT);
    }

    /** The given initials when not blank, else derived from {@code name}. */
    public static String of(String given, String name) {
        return given == null || given.isBlank() ? derive(name) : given.strip();
    }
}
