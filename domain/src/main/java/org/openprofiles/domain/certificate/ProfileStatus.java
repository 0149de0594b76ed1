package org.openprofiles.domain.certificate;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The life-cycle state of a certificate profile, after {@code Microsoft.Clm.Shared.Profiles.ProfileStatus}.
 * {@link #code()} is the integer the Certificate Management API puts on the wire: the vendor's
 * published numbers where there are any (New 0, Assigned 1, Active 2, Disabled 3, Retired 6), and
 * our own documented choices where there are none (None -1, Suspended 4).
 */
public enum ProfileStatus {
    /** No status; the vendor's default value. Our choice of number: -1, clear of every published one. */
    NONE(-1),
    /** Being created: enrolment has not finished. */
    NEW(0),
    /** Smart-card profiles only: assigned to a card, not yet active. Kept so imports round-trip. */
    ASSIGNED(1),
    /** Issued and usable (the document's {@code "Status":2}). */
    ACTIVE(2),
    /** Switched off; may be recovered. */
    DISABLED(3),
    /** Temporarily unusable; may be reinstated. The vendor does not publish its number: ours is 4. */
    SUSPENDED(4),
    /** Life cycle ended. */
    RETIRED(6);

    private final int code;

    ProfileStatus(int code) {
        this.code = code;
    }

    /** The wire integer. */
    public int code() {
        return code;
    }

    /** The vendor's spelling, e.g. {@code Active}. */
    public String displayName() {
        String lower = name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }

    public static Optional<ProfileStatus> fromCode(int code) {
        return Arrays.stream(values()).filter(s -> s.code == code).findFirst();
    }

    /** The status with this name, any case. */
    public static Optional<ProfileStatus> fromName(String name) {
        // Every stored profile's status is read through here: a loop, not a stream.
        String wanted = name == null ? "" : name.strip();
        for (ProfileStatus status : VALUES) {
            if (status.name().equalsIgnoreCase(wanted)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }

    private static final ProfileStatus[] VALUES = values();
}
