package org.openprofiles.domain.certificate.pki;

import java.util.Locale;

/**
 * One subject alternative name. Templates grant only {@link Type#EMAIL} and {@link Type#UPN}
 * (from the user's record); the other types exist so a request asking for them can be named.
 */
public record AlternativeName(Type type, String value) {

    /** The kinds of names a GeneralName can hold, as far as requests are concerned. */
    public enum Type {
        /** rfc822Name: the user's e-mail address. */
        EMAIL,
        /** otherName of type Microsoft UPN (1.3.6.1.4.1.311.20.2.3): the Windows logon name. */
        UPN,
        DNS,
        URI,
        IP_ADDRESS,
        DIRECTORY_NAME,
        OTHER_NAME,
        REGISTERED_ID;

        /** A template may grant this type: it is filled from the user's record. */
        public boolean grantable() {
            return this == EMAIL || this == UPN;
        }
    }

    public AlternativeName {
        if (type == null || value == null) {
            throw new IllegalArgumentException("alternative name parts must not be null");
        }
    }

    public boolean matches(AlternativeName other) {
        return type == other.type && value.strip().equalsIgnoreCase(other.value.strip());
    }

    @Override
    public String toString() {
        return type.name().toLowerCase(Locale.ROOT) + ":" + value;
    }
}
