package org.openprofiles.adapter.ldap;

import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;

/** Parsing of configured LDAP filters; messages complete the name of the setting at fault. */
final class LdapFilters {

    private LdapFilters() {}

    static String require(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("is required");
        }
        parse(value.strip());
        return value.strip();
    }

    static Filter parse(String value) {
        try {
            return Filter.create(value);
        } catch (LDAPException e) {
            throw new IllegalArgumentException(
                    "is not an LDAP filter: '" + value + "' (" + e.getDiagnosticMessage() + ")");
        }
    }
}
