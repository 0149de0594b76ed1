package org.openprofiles.domain.certificate;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What can be done to an existing certificate profile (and, as {@link #ENROLL}, issuing a new one), by its lower-case wire name. The
 * declaration order is the canonical order in which operations are listed: the Certificate
 * Management document's example first (renew, disable, recover), then the others.
 */
public enum ProfileOperation {
    RENEW,
    DISABLE,
    RECOVER,
    RECOVERONBEHALF,
    SUSPEND,
    REINSTATE,
    UNBLOCK,
    ONLINEUPDATE,
    DUPLICATE,
    RETIRE,
    REVOKE,
    /**
     * Issue a new profile from the template. No existing profile offers it (the status table
     * never lists it); {@link OperationRules#enrollVerdict} decides who may enroll.
     */
    ENROLL;

    /** Worked out once: every profile of every list names its operations. */
    private final String wireName = name().toLowerCase(Locale.ROOT);

    /** The name on the wire, e.g. {@code recoveronbehalf}. */
    public String wireName() {
        return wireName;
    }

    public static Optional<ProfileOperation> fromWireName(String name) {
        return Arrays.stream(values())
                .filter(o -> o.name().equalsIgnoreCase(name == null ? "" : name.strip()))
                .findFirst();
    }
}
