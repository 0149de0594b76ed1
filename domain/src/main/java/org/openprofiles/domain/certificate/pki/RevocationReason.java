package org.openprofiles.domain.certificate.pki;

import java.util.Arrays;
import org.openprofiles.domain.shared.Invalid;

/** The CRLReason codes of RFC 5280 (5.3.1), as CRL entries and OCSP answers carry them. */
public enum RevocationReason {
    UNSPECIFIED(0),
    KEY_COMPROMISE(1),
    CA_COMPROMISE(2),
    AFFILIATION_CHANGED(3),
    SUPERSEDED(4),
    CESSATION_OF_OPERATION(5),
    CERTIFICATE_HOLD(6),
    REMOVE_FROM_CRL(8),
    PRIVILEGE_WITHDRAWN(9),
    AA_COMPROMISE(10);

    private final int code;

    RevocationReason(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** A reason a user's certificate may be revoked for; the others concern CAs or delta CRLs. */
    public boolean forUserCertificates() {
        return this != CA_COMPROMISE && this != AA_COMPROMISE && this != REMOVE_FROM_CRL;
    }

    /** The reason with this code, or {@link Invalid} naming {@code field}. */
    public static RevocationReason ofCode(int code, String field) {
        return Arrays.stream(values())
                .filter(r -> r.code == code)
                .findFirst()
                .orElseThrow(() -> new Invalid(
                        "unknown_revocation_reason",
                        field,
                        "revocation reason " + code + " is not one of RFC 5280's codes (0-6, 8-10)"));
    }
}
