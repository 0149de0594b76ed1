package org.openprofiles.domain.certificate.pki;

/**
 * A kind of key pair: RSA with its modulus size in bits, or EC on the curve of that size
 * (256, 384 or 521). What a template offers and what a certificate request's key turns out to be.
 */
public record KeyType(KeyAlgorithm algorithm, int size) {

    /** Smallest and largest RSA moduli that are even described (the settings accept a narrower range). */
    public static final int MIN_RSA_BITS = 512;

    public static final int MAX_RSA_BITS = 16384;

    public KeyType {
        if (algorithm == null) {
            throw new IllegalArgumentException("key algorithm must not be null");
        }
        if (algorithm == KeyAlgorithm.EC && EcCurve.ofSize(size).isEmpty()) {
            throw new IllegalArgumentException("EC keys are on P-256, P-384 or P-521, not a " + size + "-bit curve");
        }
        if (algorithm == KeyAlgorithm.RSA && (size < MIN_RSA_BITS || size > MAX_RSA_BITS)) {
            throw new IllegalArgumentException("RSA key size out of range: " + size);
        }
    }

    public static KeyType rsa(int bits) {
        return new KeyType(KeyAlgorithm.RSA, bits);
    }

    public static KeyType ec(EcCurve curve) {
        return new KeyType(KeyAlgorithm.EC, curve.size());
    }

    /** The curve of an EC key type; fails for RSA. */
    public EcCurve curve() {
        return EcCurve.ofSize(size)
                .filter(c -> algorithm == KeyAlgorithm.EC)
                .orElseThrow(() -> new IllegalStateException("an RSA key has no curve"));
    }

    /** "RSA 2048" or "EC P-256": how messages and documents name it. */
    @Override
    public String toString() {
        return algorithm == KeyAlgorithm.RSA ? "RSA " + size : "EC " + curve().nistName();
    }
}
