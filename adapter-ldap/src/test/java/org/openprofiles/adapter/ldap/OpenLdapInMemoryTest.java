package org.openprofiles.adapter.ldap;

/** The OpenLDAP preset against UnboundID's in-memory server. */
class OpenLdapInMemoryTest extends OpenLdapPresetContract {

    @Override
    DirectoryServer start() {
        return InMemoryDirectory.openLdap();
    }
}
