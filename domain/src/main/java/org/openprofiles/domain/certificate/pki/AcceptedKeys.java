package org.openprofiles.domain.certificate.pki;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.openprofiles.domain.shared.Invalid;

/**
 * Which keys a template accepts in a client's certificate request: RSA from a minimum modulus
 * size up (when {@code rsa} is true), and EC keys on the listed curves.
 */
public record AcceptedKeys(boolean rsa, int minimumRsaBits, Set<EcCurve> curves) {

    /** Weaker RSA keys are refused by every current guideline (NIST SP 800-131A, CA/B Forum). */
    public static final int LOWEST_RSA_MINIMUM = 2048;
    /** Larger RSA keys cost seconds to check and buy nothing; refusing them bounds the work per request. */
    public static final int MAX_RSA_BITS = 8192;

    public AcceptedKeys {
        curves = EnumSets.frozen(curves, EcCurve.class);
    }

    /** RSA of 2048 bits or more, and EC on every supported curve. */
    public static AcceptedKeys standard() {
        return new AcceptedKeys(true, LOWEST_RSA_MINIMUM, EnumSet.allOf(EcCurve.class));
    }

    public boolean accepts(KeyType key) {
        return violation(key, "key").isEmpty();
    }

    /** The rule {@code key} breaks, naming {@code field}; empty when the key is acceptable. */
    public Optional<Invalid.Violation> violation(KeyType key, String field) {
        if (key.algorithm() == KeyAlgorithm.RSA) {
            if (!rsa) {
                return Optional.of(new Invalid.Violation(
                        field,
                        "csr_key_algorithm_not_allowed",
                        "the template does not accept RSA keys; it accepts " + describe()));
            }
            if (key.size() < minimumRsaBits) {
                return Optional.of(new Invalid.Violation(
                        field,
                        "csr_key_too_weak",
                        "an RSA key of " + key.size() + " bits is weaker than the template allows (at least "
                                + minimumRsaBits + " bits)"));
            }
            if (key.size() > MAX_RSA_BITS) {
                return Optional.of(new Invalid.Violation(
                        field,
                        "csr_key_too_large",
                        "RSA keys of more than " + MAX_RSA_BITS + " bits are not accepted, this one has "
                                + key.size()));
            }
            return Optional.empty();
        }
        if (!curves.contains(key.curve())) {
            return Optional.of(new Invalid.Violation(
                    field,
                    "csr_key_algorithm_not_allowed",
                    "the template does not accept EC keys on " + key.curve().nistName() + "; it accepts "
                            + describe()));
        }
        return Optional.empty();
    }

    /** Broken rules of the policy itself, each naming a field under {@code prefix}. */
    List<Invalid.Violation> check(String prefix) {
        if (!rsa && curves.isEmpty()) {
            return List.of(new Invalid.Violation(
                    prefix, "no_key_accepted", "the template must accept RSA or at least one curve"));
        }
        if (rsa && (minimumRsaBits < LOWEST_RSA_MINIMUM || minimumRsaBits > MAX_RSA_BITS)) {
            return List.of(new Invalid.Violation(
                    prefix + ".minimumRsaBits",
                    "rsa_minimum_out_of_range",
                    "minimumRsaBits must be between " + LOWEST_RSA_MINIMUM + " and " + MAX_RSA_BITS + ", was "
                            + minimumRsaBits));
        }
        return List.of();
    }

    private String describe() {
        StringBuilder text = new StringBuilder();
        if (rsa) {
            text.append("RSA of at least ").append(minimumRsaBits).append(" bits");
        }
        for (EcCurve curve : EcCurve.values()) {
            if (curves.contains(curve)) {
                text.append(text.length() == 0 ? "" : ", ").append("EC ").append(curve.nistName());
            }
        }
        return text.toString();
    }
}
