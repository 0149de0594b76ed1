package org.openprofiles.adapter.ldap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openprofiles.adapter.ldap.testing.DirectoryServer;
import org.openprofiles.domain.access.AttributeValue;
import org.openprofiles.domain.access.directory.DirectoryChange;
import org.openprofiles.domain.access.directory.DirectoryChange.AddToGroup;
import org.openprofiles.domain.access.directory.DirectoryChange.SetAttribute;
import org.openprofiles.domain.access.directory.DirectoryChangeResult;
import org.openprofiles.domain.access.directory.DirectoryChangeResult.Outcome;
import org.openprofiles.domain.access.directory.DirectoryReadRequest;
import org.openprofiles.domain.access.directory.DirectoryReadResult;
import org.openprofiles.domain.access.directory.DirectoryReadResult.ReadScope;
import org.openprofiles.domain.access.directory.DirectoryUnavailable;
import org.openprofiles.domain.access.directory.DirectoryUnavailable.Reason;
import org.openprofiles.domain.shared.Forbidden;

/**
 * The OpenLDAP preset against a server loaded with {@code openldap.ldif}: run once against the
 * in-memory server and once against a real slapd where one is installed. Each test gets a
 * freshly started and loaded server.
 */
abstract class OpenLdapPresetContract {

    static final String PEOPLE = "ou=people,dc=example,dc=org";
    static final String GROUPS = "ou=groups,dc=example,dc=org";
    private static final Set<String> CATALOG = Set.of("departmentnumber", "title", "manager");

    private DirectoryServer directory;

    /** A started server holding the fixture. */
    abstract DirectoryServer start() throws Exception;

    @BeforeEach
    void startServer() throws Exception {
        directory = start();
    }

    @AfterEach
    void stopServer() {
        if (directory != null) {
            directory.close();
        }
    }

    private LdapSettings settings(UnaryOperator<LdapSettings.Builder> overrides) {
        return overrides.apply(directory.settings(LdapSettings.Preset.OPENLDAP)).build();
    }

    private DirectoryReadResult read(
            UnaryOperator<LdapSettings.Builder> overrides, DirectoryReadRequest request, RecordingSink sink) {
        return new LdapDirectorySource(settings(overrides)).read(request, sink);
    }

    private RecordingSink readAll() {
        RecordingSink sink = new RecordingSink();
        read(b -> b, DirectoryReadRequest.full(CATALOG), sink);
        return sink;
    }

    @Test
    void readsAccountsWithEntryUuidsAndNestedGroupsFromTheGroupsMembers() {
        RecordingSink sink = new RecordingSink();
        DirectoryReadResult result = read(b -> b, DirectoryReadRequest.full(CATALOG), sink);

        assertEquals(
                Set.of("all-staff", "sales", "sales-emea", "finance", "helpdesk", "admins", "vpn-users"),
                Set.copyOf(sink.groups().stream().map(g -> g.name()).toList()));
        assertEquals(Set.of("alice", "bob", "carol", "eve"), sink.logins());
        assertEquals(1, result.skippedEntries(), "Dave has no uid");
        assertEquals(Set.of("sales-emea", "sales", "all-staff"), sink.groupNames("alice"));
        assertEquals(Set.of("finance", "all-staff"), sink.groupNames("bob"));
        assertEquals(Set.of("helpdesk", "admins"), sink.groupNames("carol"), "circular nesting ends");
        assertEquals(Set.of("vpn-users"), sink.groupNames("eve"));
        assertEquals(
                sink.account("alice").orElseThrow().id(),
                readAll().account("alice").orElseThrow().id(),
                "the id is the server's entryUUID: stable across reads");
        assertEquals("Alice Archer", sink.account("alice").orElseThrow().displayName());
        assertEquals("uid=alice," + PEOPLE, sink.account("alice").orElseThrow().distinguishedName());
        assertFalse(
                sink.account("carol").orElseThrow().enabled(),
                "pwdAccountLockedTime 000001010000Z: locked by an administrator");
        assertTrue(sink.account("alice").orElseThrow().enabled());
        assertEquals(Optional.of("Sales"), sink.attribute("alice", "departmentnumber"));
        assertEquals(Optional.of("uid=bob," + PEOPLE), sink.attribute("alice", "manager"));
        assertTrue(sink.groupsCameFirst());
        assertTrue(result.watermark().isPresent());
    }

    @Test
    void readsInPagesOfTheConfiguredSize() throws Exception {
        try (LDAPConnection admin = directory.admin()) {
            for (int i = 0; i < 25; i++) {
                admin.add(
                        "dn: uid=extra" + i + "," + PEOPLE,
                        "objectClass: inetOrgPerson",
                        "uid: extra" + i,
                        "cn: Extra " + i,
                        "sn: Extra");
            }
        }
        long before = directory.pagedSearches();
        RecordingSink sink = new RecordingSink();
        DirectoryReadResult result = read(b -> b.pageSize(5), DirectoryReadRequest.full(Set.of()), sink);

        assertEquals(29, sink.accounts().size());
        assertEquals(8, result.pagesRead(), "7 groups in 2 pages, 30 account entries in 6");
        if (before >= 0) {
            assertEquals(8, directory.pagedSearches() - before, "paged requests the server received");
        }
        assertTrue(sink.accountPages.stream().allMatch(p -> p.size() <= 5));
        assertTrue(sink.groupPages.stream().allMatch(p -> p.size() <= 5));
    }

    @Test
    void anAccountRemovedBetweenTwoFullReadsIsAbsentFromTheSecond() throws Exception {
        RecordingSink before = readAll();
        try (LDAPConnection admin = directory.admin()) {
            admin.delete("uid=bob," + PEOPLE);
        }
        RecordingSink after = new RecordingSink();
        DirectoryReadResult result = read(b -> b, DirectoryReadRequest.full(CATALOG), after);

        assertTrue(result.accountsComplete());
        assertTrue(before.logins().contains("bob"));
        assertEquals(Set.of("alice", "carol", "eve"), after.logins());
    }

    @Test
    void incrementalReadFindsAccountsModifiedAfterTheWatermarkAndGoesFullWhenGroupsChange() throws Exception {
        // modifyTimestamp has whole seconds on slapd: let the fixture's timestamps fall clearly behind.
        Thread.sleep(3_200);
        try (LDAPConnection admin = directory.admin()) {
            admin.modify("uid=eve," + PEOPLE, new Modification(ModificationType.REPLACE, "title", "Intern"));
        }
        DirectoryReadResult first = read(b -> b, DirectoryReadRequest.full(CATALOG), new RecordingSink());
        try (LDAPConnection admin = directory.admin()) {
            admin.modify("uid=bob," + PEOPLE, new Modification(ModificationType.REPLACE, "title", "Head of Finance"));
        }
        RecordingSink changes = new RecordingSink();
        DirectoryReadResult second =
                read(b -> b, DirectoryReadRequest.changesSince(first.watermark().orElseThrow(), CATALOG), changes);

        assertEquals(ReadScope.CHANGES, second.accountScope());
        assertTrue(changes.logins().contains("bob"));
        assertEquals(Optional.of("Head of Finance"), changes.attribute("bob", "title"));
        assertFalse(changes.logins().contains("alice"), "unchanged since the fixture was loaded: " + changes.logins());
        assertEquals(Set.of("finance", "all-staff"), changes.groupNames("bob"));

        try (LDAPConnection admin = directory.admin()) {
            admin.modify(
                    "cn=vpn-users," + GROUPS, new Modification(ModificationType.ADD, "member", "uid=alice," + PEOPLE));
        }
        RecordingSink afterGroupChange = new RecordingSink();
        DirectoryReadResult third = read(
                b -> b, DirectoryReadRequest.changesSince(second.watermark().orElseThrow(), CATALOG), afterGroupChange);
        assertEquals(ReadScope.FULL, third.accountScope());
        assertTrue(afterGroupChange.groupNames("alice").contains("vpn-users"));
    }

    @Test
    void aRefusedBindFailsTheRead() {
        DirectoryUnavailable failure = assertThrows(
                DirectoryUnavailable.class,
                () -> read(
                        b -> b.bind(directory.bindDn(), "not-the-password"),
                        DirectoryReadRequest.full(CATALOG),
                        new RecordingSink()));

        assertEquals(Reason.BIND_REFUSED, failure.reason());
        assertFalse(failure.getMessage().contains("not-the-password"));
    }

    @Test
    void remediationWritesShowOnTheNextReadOnlyWhenWritingIsAllowed() {
        RecordingSink before = readAll();
        DirectoryChange join = new AddToGroup(
                before.account("alice").orElseThrow().id(),
                before.groups().stream()
                        .filter(g -> g.name().equals("vpn-users"))
                        .findFirst()
                        .orElseThrow()
                        .id());
        DirectoryChange title =
                new SetAttribute(before.account("eve").orElseThrow().id(), new AttributeValue("title", "Engineer"));

        assertThrows(Forbidden.class, () -> new LdapDirectoryWriter(settings(b -> b)).apply(List.of(join, title)));
        List<DirectoryChangeResult> results =
                new LdapDirectoryWriter(settings(b -> b.writeEnabled(true))).apply(List.of(join, title, join));

        assertEquals(
                List.of(Outcome.APPLIED, Outcome.APPLIED, Outcome.ALREADY_IN_PLACE),
                results.stream().map(DirectoryChangeResult::outcome).toList());
        RecordingSink after = readAll();
        assertTrue(after.groupNames("alice").contains("vpn-users"));
        assertEquals(Optional.of("Engineer"), after.attribute("eve", "title"));
    }
}
