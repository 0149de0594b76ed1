package org.openprofiles.adapter.ldap;

import org.openprofiles.adapter.ldap.testing.DirectoryServer;
import org.openprofiles.adapter.ldap.testing.InMemoryDirectory;

/** The OpenLDAP preset against UnboundID's in-memory server. */
class OpenLdapInMemoryTest extends OpenLdapPresetContract {

    @Override
    DirectoryServer start() {
        return InMemoryDirectory.openLdap();
    }
}
