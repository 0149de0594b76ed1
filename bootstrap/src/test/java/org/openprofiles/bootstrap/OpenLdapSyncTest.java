package org.openprofiles.bootstrap;

import org.openprofiles.adapter.ldap.LdapSettings;
import org.openprofiles.adapter.ldap.testing.DirectoryServer;
import org.openprofiles.adapter.ldap.testing.InMemoryDirectory;

/** The directory sync with the OpenLDAP preset (entryUUID, groups' member) against the in-memory server. */
class OpenLdapSyncTest extends DirectorySyncContract {

    @Override
    DirectoryServer startDirectory() {
        return InMemoryDirectory.openLdap();
    }

    @Override
    LdapSettings.Preset preset() {
        return LdapSettings.Preset.OPENLDAP;
    }

    @Override
    Names names() {
        return OPENLDAP;
    }
}
