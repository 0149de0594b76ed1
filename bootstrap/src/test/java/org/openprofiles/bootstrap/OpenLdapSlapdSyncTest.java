package org.openprofiles.bootstrap;

import org.junit.jupiter.api.Assumptions;
import org.openprofiles.adapter.ldap.LdapSettings;
import org.openprofiles.adapter.ldap.testing.DirectoryServer;
import org.openprofiles.adapter.ldap.testing.Slapd;

/**
 * The directory sync with the OpenLDAP preset against a real slapd the test starts itself; each
 * test is skipped, saying why, where Debian's slapd is not installed ({@code apt-get install slapd}).
 */
class OpenLdapSlapdSyncTest extends DirectorySyncContract {

    @Override
    DirectoryServer startDirectory() throws Exception {
        Assumptions.assumeTrue(
                Slapd.installed(),
                "skipped: " + Slapd.BINARY + " is not installed (Debian package slapd);"
                        + " the sync ran against the in-memory server only");
        return Slapd.start("openldap.ldif");
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
