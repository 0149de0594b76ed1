package org.openprofiles.adapter.ldap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.openprofiles.adapter.ldap.LdapAttributes.IdFormat;
import org.openprofiles.adapter.ldap.LdapAttributes.ValueFormat;
import org.openprofiles.adapter.ldap.LdapSettings.ChangeTracking;
import org.openprofiles.adapter.ldap.LdapSettings.Membership;
import org.openprofiles.adapter.ldap.LdapSettings.Preset;

/** Settings built from a preset: the preset fills the gaps, overrides win, and bad values are refused. */
class LdapSettingsTest {

    private static LdapSettings.Builder activeDirectory() {
        return LdapSettings.builder(
                        Preset.ACTIVE_DIRECTORY,
                        LdapSettings.url("ldaps://dc1.corp.example.com"),
                        "DC=corp,DC=example,DC=com")
                .bind("CN=svc,DC=corp,DC=example,DC=com", "p4ss-w0rd-secret");
    }

    private static String complaint(UnaryOperator<LdapSettings.Builder> change) {
        return assertThrows(
                        IllegalArgumentException.class,
                        () -> change.apply(activeDirectory()).build())
                .getMessage();
    }

    @Test
    void activeDirectoryPresetFillsEveryMapping() {
        LdapSettings s = activeDirectory().build();

        assertEquals(Preset.ACTIVE_DIRECTORY, s.preset());
        assertEquals(636, s.port());
        assertTrue(s.usesTls());
        assertEquals("objectGUID", s.attributes().id());
        assertEquals(IdFormat.BINARY_GUID, s.attributes().idFormat());
        assertEquals("sAMAccountName", s.attributes().login());
        assertEquals("(&(objectClass=user)(!(objectClass=computer)))", s.userFilter());
        assertEquals(Membership.MEMBER_OF, s.membership());
        assertEquals(ChangeTracking.USN, s.changeTracking());
        assertEquals(Optional.empty(), s.disabledFilter(), "userAccountControl decides");
        assertEquals(
                ValueFormat.FILETIME,
                s.attributes().catalogAttribute("AccountExpires").format());
        assertEquals("department", s.attributes().catalogAttribute("department").ldapAttribute());
        assertEquals(LdapSettings.DEFAULT_PAGE_SIZE, s.pageSize());
        assertEquals(Duration.ofSeconds(60), s.responseTimeout());
        assertFalse(s.writeEnabled());
    }

    @Test
    void openLdapPresetAndOverrides() {
        LdapSettings s = LdapSettings.builder(
                        Preset.OPENLDAP, LdapSettings.url("ldap://ldap.example.org"), "dc=example,dc=org")
                .startTls(true)
                .attributes("login=mail, member=uniqueMember")
                .catalogAttributes("department=ou,accountexpires=shadowExpiry:generalized-time")
                .timeouts(Duration.ofSeconds(3), Duration.ofMinutes(2))
                .pageSize(1000)
                .writeEnabled(true)
                .build();

        assertEquals(389, s.port());
        assertTrue(s.startTls());
        assertEquals("", s.bindDn(), "anonymous");
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
        assertEquals(Duration.ofMinutes(2), s.responseTimeout());
        assertEquals(1000, s.pageSize());
        assertTrue(s.writeEnabled());
    }

    @Test
    void givenChoicesWinOverThePresets() {
        LdapSettings s = activeDirectory()
                .membership(Membership.MEMBER)
                .changeTracking(ChangeTracking.NONE)
                .userFilter("(objectClass=person)")
                .disabledFilter("(description=gone)")
                .build();

        assertEquals(Membership.MEMBER, s.membership());
        assertEquals(ChangeTracking.NONE, s.changeTracking());
        assertEquals("(objectClass=person)", s.userFilter());
        assertEquals(Optional.of("(description=gone)"), s.disabledFilter());
    }

    @Test
    void everyBadValueIsRefusedWithAMessageThatCompletesTheSettingsName() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LdapSettings.url("http://dc1"))
                .getMessage()
                .startsWith("must be ldap://host[:port] or ldaps://host[:port]"));
        assertEquals(
                "is not a distinguished name: 'not a dn'",
                assertThrows(IllegalArgumentException.class, () -> LdapSettings.dn("not a dn"))
                        .getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LdapSettings.filter("(objectClass=user"))
                .getMessage()
                .startsWith("is not an LDAP filter"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SettingValue.parse(Preset.class, "novell"))
                .getMessage()
                .startsWith("must be one of active-directory, openldap"));
        assertTrue(
                complaint(b -> b.bind("CN=svc,DC=corp,DC=example,DC=com", "")).contains("bind password"));
        assertTrue(complaint(b -> b.pageSize(0)).contains("page size"));
        assertTrue(
                complaint(b -> b.timeouts(Duration.ZERO, Duration.ofSeconds(1))).contains("connect timeout"));
        assertTrue(complaint(b -> b.startTls(true)).contains("ldaps"), "ldaps is TLS already");
        assertTrue(complaint(b -> b.attributes("colour=blue")).contains("unknown mappings [colour]"));
        assertTrue(complaint(b -> b.catalogAttributes("title=title:fancy")).contains("format of title"));
        assertFalse(complaint(b -> b.pageSize(0)).contains("PROFILES_"), "the adapter names no setting");
    }

    @Test
    void thePasswordNeverShowsInTheSettingsText() {
        LdapSettings s = activeDirectory().build();

        assertFalse(s.toString().contains("p4ss-w0rd-secret"), s.toString());
        assertTrue(s.toString().contains("ldaps://dc1.corp.example.com:636"));
    }
}
