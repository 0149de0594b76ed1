package org.openprofiles.adapter.ldap;

import org.junit.jupiter.api.Assumptions;
import org.openprofiles.adapter.ldap.testing.DirectoryServer;
import org.openprofiles.adapter.ldap.testing.Slapd;

/**
 * The OpenLDAP preset against a real OpenLDAP slapd the test starts itself; each test is skipped,
 * saying why, where Debian's slapd is not installed ({@code apt-get install slapd}).
 */
class OpenLdapSlapdTest extends OpenLdapPresetContract {

    @Override
    DirectoryServer start() throws Exception {
        Assumptions.assumeTrue(
                Slapd.installed(),
                "skipped: " + Slapd.BINARY + " is not installed (Debian package slapd);"
                        + " the OpenLDAP preset ran against the in-memory server only");
        return Slapd.start("openldap.ldif");
    }
}
