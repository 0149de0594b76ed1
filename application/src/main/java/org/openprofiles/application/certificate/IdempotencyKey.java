package org.openprofiles.application.certificate;

/**
 * A client's key for retrying the initiation of a request safely: the same key with the same
 * content answers the first result. Adapters parse it from their wire form (an HTTP header) and
 * report a malformed one in their own terms; {@link #isWellFormed} is the rule they check.
 */
public record IdempotencyKey(String value) {

    /** The longest key accepted. */
    public static final int MAX_LENGTH = 255;

    public IdempotencyKey {
        if (!isWellFormed(value)) {
            throw new IllegalArgumentException(
                    "an idempotency key is 1 to " + MAX_LENGTH + " visible ASCII characters");
        }
    }

    /** 1 to {@link #MAX_LENGTH} visible ASCII characters. */
    public static boolean isWellFormed(String value) {
        return value != null
                && !value.isEmpty()
                && value.length() <= MAX_LENGTH
                && value.chars().allMatch(c -> c > 0x20 && c < 0x7f);
    }
}
