package org.openprofiles.adapter.ldap;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import java.util.HashMap;
import java.util.Map;

/** A real LDAP server a test started, loaded with a fixture, and how to reach it. */
interface DirectoryServer extends AutoCloseable {

    String url();

    String baseDn();

    String bindDn();

    String bindPassword();

    /** A connection bound as an administrator, for changing the data behind the adapter's back. */
    LDAPConnection admin() throws LDAPException;

    /** Paged search requests the server has received, or -1 when it cannot tell. */
    long pagedSearches();

    /** Stops the server now (connections drop). */
    void stop();

    @Override
    void close();

    /** Settings for the adapter against this server: the preset's defaults, then {@code overrides}. */
    default LdapSettings settings(String preset, Map<String, String> overrides) {
        Map<String, String> variables = new HashMap<>();
        variables.put("PROFILES_LDAP_URL", url());
        variables.put("PROFILES_LDAP_PRESET", preset);
        variables.put("PROFILES_LDAP_BIND_DN", bindDn());
        variables.put("PROFILES_LDAP_BIND_PASSWORD", bindPassword());
        variables.put("PROFILES_LDAP_BASE_DN", baseDn());
        variables.put("PROFILES_LDAP_CONNECT_TIMEOUT", "5s");
        variables.put("PROFILES_LDAP_RESPONSE_TIMEOUT", "10s");
        variables.putAll(overrides);
        return LdapSettings.fromVariables(variables).orElseThrow();
    }
}
