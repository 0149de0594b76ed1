package org.openprofiles.domain.certificate.pki;

import java.math.BigInteger;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * A certificate's serial number: positive, at most 20 octets (RFC 5280 4.1.2.2).
 *
 * <p>New serials are {@link #random random}: 159 bits, the top one set, so every serial has exactly
 * 159 bits and encodes in 20 octets, 158 of them unpredictable (CA/Browser Forum asks for at least 64).
 * Two equal serials are therefore practically impossible; uniqueness is nevertheless enforced where
 * certificates are stored (a unique index on the serial), and an issuance that hits it is retried.
 */
public record SerialNumber(BigInteger value) {

    public static final int RANDOM_BITS = 159;

    public SerialNumber {
        if (value == null || value.signum() <= 0 || value.bitLength() > 159) {
            throw new IllegalArgumentException("a serial number is a positive integer of at most 20 octets");
        }
    }

    /** A new serial number from a cryptographically strong generator. */
    public static SerialNumber random(RandomGenerator random) {
        byte[] bytes = new byte[20];
        random.nextBytes(bytes);
        bytes[0] = (byte) ((bytes[0] & 0x3f) | 0x40);
        return new SerialNumber(new BigInteger(1, bytes));
    }

    /** Lower-case hexadecimal, as stored and shown ("openssl x509 -serial" prints it in capitals). */
    public String hex() {
        return value.toString(16);
    }

    public static SerialNumber ofHex(String hex) {
        try {
            return new SerialNumber(new BigInteger(hex.toLowerCase(Locale.ROOT), 16));
        } catch (NumberFormatException | NullPointerException e) {
            throw new IllegalArgumentException("not a hexadecimal serial number");
        }
    }

    @Override
    public String toString() {
        return hex();
    }
}
