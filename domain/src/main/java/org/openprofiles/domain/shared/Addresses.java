package org.openprofiles.domain.shared;

import java.util.Optional;

/**
 * Addresses of the form local@domain (an e-mail address, a user principal name): checked the same
 * way wherever a user's record or a certificate's holder carries one.
 */
public final class Addresses {

    private Addresses() {}

    /**
     * {@code value} stripped, or empty when absent or blank; {@link Invalid} naming {@code field}
     * when it is longer than {@code maxLength} or not local@domain. An e-mail address goes into an
     * rfc822Name (IA5String), so {@code asciiOnly}; a UPN is a UTF8String and may hold any letters.
     */
    public static Optional<String> check(Optional<String> value, String field, int maxLength, boolean asciiOnly) {
        if (value == null || value.isEmpty() || value.get().isBlank()) {
            return Optional.empty();
        }
        String address = value.get().strip();
        if (address.length() > maxLength) {
            throw new Invalid("too_long", field, field + " must be at most " + maxLength + " characters");
        }
        int at = address.indexOf('@');
        boolean wellFormed = at > 0
                && at == address.lastIndexOf('@')
                && at < address.length() - 1
                && address.codePoints().noneMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))
                && (!asciiOnly || address.chars().allMatch(c -> c > 0x20 && c < 0x7f));
        if (!wellFormed) {
            throw new Invalid(
                    "invalid_address",
                    field,
                    field + " must look like name@domain" + (asciiOnly ? ", in ASCII characters" : ""));
        }
        return Optional.of(address);
    }
}
