package org.openprofiles.domain.certificate;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.openprofiles.domain.shared.Invalid;

/**
 * The rules a user-supplied PIN must meet: a length range and the character classes it must
 * contain. Used when an operation's policy leaves the PIN to the user.
 */
public record PinPolicy(
        int minLength,
        int maxLength,
        boolean requireDigit,
        boolean requireLowercase,
        boolean requireUppercase,
        boolean requireSymbol) {

    public static final int MAX_LENGTH = 127;

    public PinPolicy {
        if (minLength < 1 || maxLength > MAX_LENGTH || minLength > maxLength) {
            throw new Invalid(
                    "invalid_pin_length",
                    "pinPolicy",
                    "pinPolicy needs 1 <= minLength <= maxLength <= " + MAX_LENGTH + ", was " + minLength + ".."
                            + maxLength);
        }
    }

    /** Four to sixteen characters of any kind: the default for templates that say nothing. */
    public static PinPolicy standard() {
        return new PinPolicy(4, 16, false, false, false, false);
    }

    /** The length of a server-generated PIN: 8, or the nearest length this policy allows. */
    public static final int GENERATED_LENGTH = 8;

    private static final String DIGITS = "0123456789";
    private static final String LOWER = "abcdefghijkmnopqrstuvwxyz";
    private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final String SYMBOLS = "!#$%&*+-=?@_";

    /**
     * A random PIN that meets this policy, for operations whose policy says the server sets it:
     * one character of each required class, the rest from digits and the required classes, shuffled.
     */
    public String generate(RandomGenerator random) {
        int length = Math.max(minLength, Math.min(maxLength, GENERATED_LENGTH));
        List<String> required = new ArrayList<>();
        required.add(DIGITS);
        if (requireLowercase) {
            required.add(LOWER);
        }
        if (requireUppercase) {
            required.add(UPPER);
        }
        if (requireSymbol) {
            required.add(SYMBOLS);
        }
        String alphabet = String.join("", required);
        List<Character> chars = new ArrayList<>();
        for (String characterClass : required) {
            if (chars.size() < length) {
                chars.add(characterClass.charAt(random.nextInt(characterClass.length())));
            }
        }
        while (chars.size() < length) {
            chars.add(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        for (int i = chars.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            Character swap = chars.get(i);
            chars.set(i, chars.get(j));
            chars.set(j, swap);
        }
        StringBuilder pin = new StringBuilder(length);
        chars.forEach(pin::append);
        return pin.toString();
    }

    /** Every rule {@code pin} breaks, each naming {@code field}; empty when the PIN is acceptable. */
    public List<Invalid.Violation> check(String field, String pin) {
        List<Invalid.Violation> violations = new ArrayList<>();
        String value = pin == null ? "" : pin;
        int length = value.codePointCount(0, value.length());
        if (length < minLength || length > maxLength) {
            violations.add(new Invalid.Violation(
                    field, "pin_length", "the PIN must have " + minLength + " to " + maxLength + " characters"));
        }
        if (requireDigit && value.codePoints().noneMatch(Character::isDigit)) {
            violations.add(new Invalid.Violation(field, "pin_needs_digit", "the PIN must contain a digit"));
        }
        if (requireLowercase && value.codePoints().noneMatch(Character::isLowerCase)) {
            violations.add(
                    new Invalid.Violation(field, "pin_needs_lowercase", "the PIN must contain a lower-case letter"));
        }
        if (requireUppercase && value.codePoints().noneMatch(Character::isUpperCase)) {
            violations.add(
                    new Invalid.Violation(field, "pin_needs_uppercase", "the PIN must contain an upper-case letter"));
        }
        if (requireSymbol && value.codePoints().allMatch(Character::isLetterOrDigit)) {
            violations.add(new Invalid.Violation(
                    field,
                    "pin_needs_symbol",
                    "the PIN must contain a character that is neither a letter nor a digit"));
        }
        return violations;
    }
}
