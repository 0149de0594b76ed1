package org.openprofiles.domain.certificate.pki;

import java.util.Set;

/**
 * The key usage bits of RFC 5280 (4.2.1.3), with their bit numbers. Only the first five may be
 * granted to a user's certificate; the others are for certificate authorities or only qualify
 * key agreement, and appear here so that a request asking for them can be named and refused.
 */
public enum KeyUsage {
    DIGITAL_SIGNATURE(0),
    NON_REPUDIATION(1),
    KEY_ENCIPHERMENT(2),
    DATA_ENCIPHERMENT(3),
    KEY_AGREEMENT(4),
    KEY_CERT_SIGN(5),
    CRL_SIGN(6),
    ENCIPHER_ONLY(7),
    DECIPHER_ONLY(8);

    private final int bit;

    KeyUsage(int bit) {
        this.bit = bit;
    }

    /** The bit number in the KeyUsage BIT STRING (digitalSignature is 0). */
    public int bit() {
        return bit;
    }

    /** A user's certificate may carry this usage. */
    public boolean grantableToUsers() {
        return bit <= KEY_AGREEMENT.bit;
    }

    /**
     * The key can do this at all: RSA keys sign and encrypt but do not agree keys; EC keys sign and
     * agree keys but do not encrypt (RFC 5480 section 3).
     */
    public boolean appliesTo(KeyAlgorithm algorithm) {
        return switch (this) {
            case KEY_ENCIPHERMENT, DATA_ENCIPHERMENT -> algorithm == KeyAlgorithm.RSA;
            case KEY_AGREEMENT, ENCIPHER_ONLY, DECIPHER_ONLY -> algorithm == KeyAlgorithm.EC;
            default -> true;
        };
    }

    /** The usages among {@code usages} that a key of {@code algorithm} can perform. */
    public static Set<KeyUsage> applicable(Set<KeyUsage> usages, KeyAlgorithm algorithm) {
        return EnumSets.frozen(
                usages.stream().filter(u -> u.appliesTo(algorithm)).toList(), KeyUsage.class);
    }
}
