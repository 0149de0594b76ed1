package org.openprofiles.adapter.ldap;

import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;

/** Parsing of configured LDAP filters, with a message naming the setting. */
final class LdapFilters {

    private LdapFilters() {}

    static String require(String value, String variable) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(variable + " is required");
        }
        parse(value.strip(), variable);
        return value.strip();
    }

    static Filter parse(String value, String variable) {
        try {
            return Filter.create(value);
        } catch (LDAPException e) {
            throw new IllegalArgumentException(
                    variable + " is not an LDAP filter: '" + value + "' (" + e.getDiagnosticMessage() + ")");
        }
    }
}
