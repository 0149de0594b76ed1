package org.openprofiles.adapter.ldap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openprofiles.adapter.ldap.LdapAttributes.IdFormat;
import org.openprofiles.adapter.ldap.LdapAttributes.ValueFormat;
import org.openprofiles.adapter.ldap.LdapSettings.ChangeTracking;
import org.openprofiles.adapter.ldap.LdapSettings.Membership;
import org.openprofiles.adapter.ldap.LdapSettings.Preset;

/** Settings from PROFILES_LDAP_* variables: presets fill the gaps, and every complaint names its variable. */
class LdapSettingsTest {

    private static Map<String, String> minimal(String... more) {
        Map<String, String> v = new HashMap<>(Map.of(
                "PROFILES_LDAP_URL",
                "ldaps://dc1.corp.example.com",
                "PROFILES_LDAP_BIND_DN",
                "CN=svc,DC=corp,DC=example,DC=com",
                "PROFILES_LDAP_BIND_PASSWORD",
                "p4ss-w0rd-secret",
                "PROFILES_LDAP_BASE_DN",
                "DC=corp,DC=example,DC=com"));
        for (int i = 0; i < more.length; i += 2) {
            v.put(more[i], more[i + 1]);
        }
        return v;
    }

    private static String complaint(String... more) {
        return assertThrows(IllegalArgumentException.class, () -> LdapSettings.fromVariables(minimal(more)))
                .getMessage();
    }

    @Test
    void anEmptyUrlMeansNoDirectory() {
        assertEquals(Optional.empty(), LdapSettings.fromVariables(Map.of()));
        assertEquals(Optional.empty(), LdapSettings.fromVariables(Map.of("PROFILES_LDAP_URL", " ")));
    }

    @Test
    void activeDirectoryIsTheDefaultPresetWithItsMappings() {
        LdapSettings s = LdapSettings.fromVariables(minimal()).orElseThrow();

        assertEquals(Preset.ACTIVE_DIRECTORY, s.preset());
        assertEquals(636, s.port());
        assertTrue(s.usesTls());
        assertEquals("objectGUID", s.attributes().id());
        assertEquals(IdFormat.BINARY_GUID, s.attributes().idFormat());
        assertEquals("sAMAccountName", s.attributes().login());
        assertEquals(Membership.MEMBER_OF, s.membership());
        assertEquals(ChangeTracking.USN, s.changeTracking());
        assertEquals(Optional.empty(), s.disabledFilter(), "userAccountControl decides");
        assertEquals(
                ValueFormat.FILETIME,
                s.attributes().catalogAttribute("AccountExpires").format());
        assertEquals("department", s.attributes().catalogAttribute("department").ldapAttribute());
        assertEquals(Duration.ofHours(1), s.syncInterval());
        assertEquals(500, s.pageSize());
        assertFalse(s.writeEnabled());
    }

    @Test
    void openLdapPresetAndOverrides() {
        LdapSettings s = LdapSettings.fromVariables(minimal(
                        "PROFILES_LDAP_URL",
                        "ldap://ldap.example.org",
                        "PROFILES_LDAP_PRESET",
                        "openldap",
                        "PROFILES_LDAP_START_TLS",
                        "true",
                        "PROFILES_LDAP_ATTRIBUTES",
                        "login=mail, member=uniqueMember",
                        "PROFILES_LDAP_CATALOG_ATTRIBUTES",
                        "department=ou,accountexpires=shadowExpiry:generalized-time",
                        "PROFILES_LDAP_SYNC_INTERVAL",
                        "15m",
                        "PROFILES_LDAP_RESPONSE_TIMEOUT",
                        "PT2M",
                        "PROFILES_LDAP_PAGE_SIZE",
                        "1000",
                        "PROFILES_LDAP_WRITE_ENABLED",
                        "true"))
                .orElseThrow();

        assertEquals(389, s.port());
        assertTrue(s.startTls());
        assertEquals("entryUUID", s.attributes().id());
        assertEquals(IdFormat.UUID, s.attributes().idFormat());
        assertEquals("mail", s.attributes().login());
        assertEquals("uniqueMember", s.attributes().member());
        assertEquals(Membership.MEMBER, s.membership());
        assertEquals(ChangeTracking.MODIFY_TIMESTAMP, s.changeTracking());
        assertEquals(Optional.of("(pwdAccountLockedTime=000001010000Z)"), s.disabledFilter());
        assertEquals("ou", s.attributes().catalogAttribute("department").ldapAttribute());
        assertEquals(
                ValueFormat.GENERALIZED_TIME,
                s.attributes().catalogAttribute("accountexpires").format());
        assertEquals(Duration.ofMinutes(15), s.syncInterval());
        assertEquals(Duration.ofMinutes(2), s.responseTimeout());
        assertEquals(1000, s.pageSize());
        assertTrue(s.writeEnabled());
    }

    @Test
    void everyBadValueIsRefusedNamingItsVariable() {
        assertTrue(complaint("PROFILES_LDAP_URL", "http://dc1").startsWith("PROFILES_LDAP_URL"));
        assertTrue(complaint("PROFILES_LDAP_PRESET", "novell").startsWith("PROFILES_LDAP_PRESET"));
        assertTrue(complaint("PROFILES_LDAP_BASE_DN", "").startsWith("PROFILES_LDAP_BASE_DN"));
        assertTrue(complaint("PROFILES_LDAP_BASE_DN", "not a dn").startsWith("PROFILES_LDAP_BASE_DN"));
        assertTrue(complaint("PROFILES_LDAP_BIND_PASSWORD", "").startsWith("PROFILES_LDAP_BIND_PASSWORD"));
        assertTrue(complaint("PROFILES_LDAP_USER_FILTER", "(objectClass=user").startsWith("PROFILES_LDAP_USER_FILTER"));
        assertTrue(complaint("PROFILES_LDAP_PAGE_SIZE", "0").startsWith("PROFILES_LDAP_PAGE_SIZE"));
        assertTrue(complaint("PROFILES_LDAP_PAGE_SIZE", "lots").startsWith("PROFILES_LDAP_PAGE_SIZE"));
        assertTrue(complaint("PROFILES_LDAP_SYNC_INTERVAL", "hourly").startsWith("PROFILES_LDAP_SYNC_INTERVAL"));
        assertTrue(complaint("PROFILES_LDAP_CONNECT_TIMEOUT", "0").startsWith("PROFILES_LDAP_CONNECT_TIMEOUT"));
        assertTrue(
                complaint("PROFILES_LDAP_START_TLS", "true").startsWith("PROFILES_LDAP_START_TLS"),
                "ldaps is TLS already");
        assertTrue(complaint("PROFILES_LDAP_WRITE_ENABLED", "maybe").startsWith("PROFILES_LDAP_WRITE_ENABLED"));
        assertTrue(complaint("PROFILES_LDAP_ATTRIBUTES", "colour=blue").startsWith("PROFILES_LDAP_ATTRIBUTES"));
        assertTrue(complaint("PROFILES_LDAP_CATALOG_ATTRIBUTES", "title=title:fancy")
                .startsWith("PROFILES_LDAP_CATALOG_ATTRIBUTES"));
        assertTrue(complaint("PROFILES_LDAP_TRUST_STORE", "/nonexistent/trust.p12")
                .startsWith("PROFILES_LDAP_TRUST_STORE"));
    }

    @Test
    void thePasswordNeverShowsInTheSettingsText() {
        LdapSettings s = LdapSettings.fromVariables(minimal()).orElseThrow();

        assertFalse(s.toString().contains("p4ss-w0rd-secret"), s.toString());
        assertTrue(s.toString().contains("ldaps://dc1.corp.example.com:636"));
    }
}
