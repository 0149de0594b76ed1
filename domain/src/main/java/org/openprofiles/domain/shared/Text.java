package org.openprofiles.domain.shared;

/**
 * Length rules for text the domain stores: every string has a bound the domain states, so a value
 * too long for its column is a 400 naming the field, never a database error.
 */
public final class Text {

    /** Names and logins: one line of text. */
    public static final int NAME = 256;
    /** Distinguished names and descriptions. */
    public static final int LONG = 2048;
    /** Attribute values and comments. */
    public static final int VALUE = 4096;

    private Text() {}

    /** {@code value} when at most {@code max} characters (null stays null), else {@link Invalid} naming {@code field}. */
    public static String atMost(String value, int max, String field) {
        if (value != null && value.length() > max) {
            throw new Invalid(
                    "too_long", field, field + " must be at most " + max + " characters, was " + value.length());
        }
        return value;
    }
}
