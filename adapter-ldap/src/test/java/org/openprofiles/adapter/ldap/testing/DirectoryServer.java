package org.openprofiles.adapter.ldap.testing;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import java.time.Duration;
import org.openprofiles.adapter.ldap.LdapSettings;

/** A real LDAP server a test started, loaded with a fixture, and how to reach it. */
public interface DirectoryServer extends AutoCloseable {

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

    /** Settings for the adapter against this server: the preset's defaults, bound as the administrator, short timeouts. */
    default LdapSettings.Builder settings(LdapSettings.Preset preset) {
        return LdapSettings.builder(preset, LdapSettings.url(url()), baseDn())
                .bind(bindDn(), bindPassword())
                .timeouts(Duration.ofSeconds(5), Duration.ofSeconds(10));
    }
}
