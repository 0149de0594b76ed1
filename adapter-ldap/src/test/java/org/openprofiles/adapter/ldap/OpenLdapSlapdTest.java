package org.openprofiles.adapter.ldap;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;

/**
 * The OpenLDAP preset against a real OpenLDAP slapd the test starts itself; skipped, saying why,
 * where Debian's slapd is not installed ({@code apt-get install slapd}).
 */
class OpenLdapSlapdTest extends OpenLdapPresetContract {

    @BeforeAll
    static void requireSlapd() {
        Assumptions.assumeTrue(Slapd.installed(), "skipped: " + Slapd.BINARY + " is not installed (Debian package slapd); "
                + "the OpenLDAP preset ran against the in-memory server only");
    }

    @Override
    DirectoryServer start() throws Exception {
        return Slapd.start("openldap.ldif");
    }
}
