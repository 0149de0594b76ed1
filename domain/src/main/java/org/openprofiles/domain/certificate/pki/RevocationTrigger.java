package org.openprofiles.domain.certificate.pki;

/**
 * A profile operation that may revoke the profile's certificates, as a template chooses, and the
 * reason recorded when it does.
 */
public enum RevocationTrigger {
    /** The profile is disabled (for instance a lost device): its certificates stop working now. */
    DISABLE(RevocationReason.CESSATION_OF_OPERATION),
    /** The profile is retired: its certificates end with it. */
    RETIRE(RevocationReason.CESSATION_OF_OPERATION),
    /** A renewal replaced the profile's certificates. */
    RENEW(RevocationReason.SUPERSEDED),
    /** A recovery replaced the profile's certificates. */
    RECOVER(RevocationReason.SUPERSEDED);

    private final RevocationReason reason;

    RevocationTrigger(RevocationReason reason) {
        this.reason = reason;
    }

    public RevocationReason reason() {
        return reason;
    }
}
