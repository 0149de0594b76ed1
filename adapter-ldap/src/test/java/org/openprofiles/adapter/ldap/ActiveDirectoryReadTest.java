package org.openprofiles.adapter.ldap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openprofiles.adapter.ldap.testing.InMemoryDirectory;
import org.openprofiles.domain.access.Account;
import org.openprofiles.domain.access.directory.DirectoryReadRequest;
import org.openprofiles.domain.access.directory.DirectoryReadResult;
import org.openprofiles.domain.access.directory.DirectoryReadResult.ReadScope;

/** The Active Directory preset against an in-memory server that behaves like AD (schema, USNs, memberOf). */
class ActiveDirectoryReadTest {

    private static final Set<String> CATALOG = Set.of("department", "title", "manager", "accountexpires");
    private static final String STAFF = "OU=Staff," + InMemoryDirectory.AD_BASE;

    private final InMemoryDirectory directory = InMemoryDirectory.activeDirectory();

    @AfterEach
    void stop() {
        directory.close();
    }

    private DirectoryReadResult read(DirectoryReadRequest request, RecordingSink sink) {
        return read(b -> b, request, sink);
    }

    private DirectoryReadResult read(
            UnaryOperator<LdapSettings.Builder> overrides, DirectoryReadRequest request, RecordingSink sink) {
        return new LdapDirectorySource(overrides
                        .apply(directory.settings(LdapSettings.Preset.ACTIVE_DIRECTORY))
                        .build())
                .read(request, sink);
    }

    @Test
    void readsEveryGroupAndAccountWithIdsInTheByteOrderAdShows() {
        RecordingSink sink = new RecordingSink();
        DirectoryReadResult result = read(DirectoryReadRequest.full(CATALOG), sink);

        assertEquals(
                Set.of("All Staff", "Sales", "Sales EMEA", "Finance", "Helpdesk", "Admins", "VPN Users"),
                Set.copyOf(sink.groups().stream().map(g -> g.name()).toList()));
        // The classic example GUID {6F9619FF-8B86-D011-B42D-00C04FC964FF}, stored as AD stores it.
        assertEquals(
                UUID.fromString("6f9619ff-8b86-d011-b42d-00c04fc964ff"),
                sink.account("alice").orElseThrow().id().value());
        assertEquals(
                "CN=Sales EMEA,OU=Groups," + InMemoryDirectory.AD_BASE,
                sink.groups().stream()
                        .filter(g -> g.name().equals("Sales EMEA"))
                        .findFirst()
                        .orElseThrow()
                        .distinguishedName());
        // The computer is a user object too; the preset's filter leaves it out. Dave has no sAMAccountName.
        assertEquals(Set.of("alice", "bob", "carol", "eve"), sink.logins());
        assertEquals(1, result.skippedEntries());
        assertEquals("CN=Dave Dunn," + STAFF, result.skippedSamples().get(0).distinguishedName());
        assertEquals(ReadScope.FULL, result.accountScope());
        assertTrue(result.accountsComplete());
        assertTrue(result.fullReadReason().isEmpty(), "a full read was asked for");
        assertEquals(7, result.groupsRead());
        assertEquals(4, result.accountsRead());
        assertTrue(sink.groupsCameFirst());
    }

    @Test
    void resolvesNestedAndCircularGroupMembershipFromMemberOf() {
        RecordingSink sink = new RecordingSink();
        read(DirectoryReadRequest.full(CATALOG), sink);

        assertEquals(Set.of("Sales EMEA", "Sales", "All Staff"), sink.groupNames("alice"));
        assertEquals(Set.of("Finance", "All Staff"), sink.groupNames("bob"));
        assertEquals(Set.of("Helpdesk", "Admins"), sink.groupNames("carol"));
        assertEquals(Set.of(), sink.groupNames("eve"));
    }

    @Test
    void resolvesTheSameMembershipFromTheGroupsMemberValues() {
        RecordingSink sink = new RecordingSink();
        read(b -> b.membership(LdapSettings.Membership.MEMBER), DirectoryReadRequest.full(CATALOG), sink);

        assertEquals(Set.of("Sales EMEA", "Sales", "All Staff"), sink.groupNames("alice"));
        assertEquals(Set.of("Finance", "All Staff"), sink.groupNames("bob"));
        assertEquals(Set.of("Helpdesk", "Admins"), sink.groupNames("carol"));
    }

    @Test
    void readsDisabledFromUserAccountControlAndCatalogAttributesInCanonicalForm() {
        RecordingSink sink = new RecordingSink();
        read(DirectoryReadRequest.full(CATALOG), sink);

        Account alice = sink.account("alice").orElseThrow();
        assertTrue(alice.enabled());
        assertTrue(sink.account("bob").orElseThrow().enabled(), "66048 = normal account + password never expires");
        assertFalse(sink.account("carol").orElseThrow().enabled(), "514 has bit 0x2 (ACCOUNTDISABLE)");
        assertEquals("Alice Archer", alice.displayName());
        assertEquals("eve", sink.account("eve").orElseThrow().displayName(), "no displayName: the login stands in");
        assertEquals("CN=Alice Archer," + STAFF, alice.distinguishedName());
        assertEquals("corp.example.com", alice.fqdn());
        assertEquals(Optional.of("Sales"), sink.attribute("alice", "department"));
        assertEquals(Optional.of("Account Manager"), sink.attribute("alice", "title"));
        assertEquals(Optional.of("CN=Bob Baker," + STAFF), sink.attribute("alice", "manager"));
        assertEquals(Optional.of("0001-01-01T00:00:00"), sink.attribute("alice", "accountexpires"), "0 means never");
        assertEquals(
                Optional.of("0001-01-01T00:00:00"), sink.attribute("carol", "accountexpires"), "2^63-1 means never");
        assertEquals(Optional.of("2030-12-31T00:00:00"), sink.attribute("bob", "accountexpires"));
        assertEquals(Optional.empty(), sink.attribute("eve", "department"));
    }

    @Test
    void readsInPagesOfTheConfiguredSize() throws Exception {
        try (LDAPConnection admin = directory.admin()) {
            for (int i = 0; i < 25; i++) {
                admin.add(
                        "dn: CN=Extra " + i + "," + STAFF,
                        "objectClass: top",
                        "objectClass: user",
                        "cn: Extra " + i,
                        "sAMAccountName: extra" + i,
                        "userAccountControl: 512",
                        "objectGUID:: "
                                + java.util.Base64.getEncoder()
                                        .encodeToString(DirectoryValues.toBinaryGuid(
                                                UUID.nameUUIDFromBytes(("extra" + i).getBytes()))));
            }
        }
        RecordingSink sink = new RecordingSink();
        long before = directory.pagedSearches();
        DirectoryReadResult result = read(b -> b.pageSize(5), DirectoryReadRequest.full(Set.of()), sink);

        assertEquals(29, sink.accounts().size());
        // 7 groups in 2 pages, 30 matching account entries (Dave skipped) in 6 pages.
        assertEquals(8, directory.pagedSearches() - before, "paged requests the server received");
        assertEquals(8, result.pagesRead());
        assertTrue(sink.accountPages.stream().allMatch(p -> p.size() <= 5), "no page larger than the page size");
        assertTrue(sink.accountPages.size() >= 6);
    }

    @Test
    void incrementalReadDeliversOnlyAccountsChangedSinceTheWatermark() throws Exception {
        DirectoryReadResult first = read(DirectoryReadRequest.full(CATALOG), new RecordingSink());
        try (LDAPConnection admin = directory.admin()) {
            admin.modify(
                    "CN=Bob Baker," + STAFF, new Modification(ModificationType.REPLACE, "title", "Head of Finance"));
        }
        RecordingSink changes = new RecordingSink();
        DirectoryReadResult second =
                read(DirectoryReadRequest.changesSince(first.watermark().orElseThrow(), CATALOG), changes);

        assertEquals(ReadScope.CHANGES, second.accountScope());
        assertFalse(second.accountsComplete());
        assertEquals(Set.of("bob"), changes.logins());
        assertEquals(Optional.of("Head of Finance"), changes.attribute("bob", "title"));
        assertEquals(Set.of("Finance", "All Staff"), changes.groupNames("bob"), "memberships still resolved");
        assertEquals(7, changes.groups().size(), "groups are always read in full");

        RecordingSink nothing = new RecordingSink();
        DirectoryReadResult third =
                read(DirectoryReadRequest.changesSince(second.watermark().orElseThrow(), CATALOG), nothing);
        assertEquals(ReadScope.CHANGES, third.accountScope());
        assertEquals(0, third.accountsRead());
    }

    @Test
    void incrementalReadIsFullWhenAGroupChangedBecauseMemberOfChangesStampNoAccount() throws Exception {
        DirectoryReadResult first = read(DirectoryReadRequest.full(CATALOG), new RecordingSink());
        try (LDAPConnection admin = directory.admin()) {
            admin.modify(
                    "CN=VPN Users,OU=Groups," + InMemoryDirectory.AD_BASE,
                    new Modification(ModificationType.ADD, "member", "CN=Eve Evans," + STAFF));
        }
        RecordingSink sink = new RecordingSink();
        DirectoryReadResult second =
                read(DirectoryReadRequest.changesSince(first.watermark().orElseThrow(), CATALOG), sink);

        assertEquals(ReadScope.FULL, second.accountScope());
        assertTrue(
                second.fullReadReason().orElseThrow().contains("groups changed"),
                second.fullReadReason().orElseThrow());
        assertEquals(Set.of("VPN Users"), sink.groupNames("eve"));
        assertEquals(4, sink.accounts().size());
    }

    @Test
    void incrementalReadIsFullWhenAGroupWasDeleted() throws Exception {
        DirectoryReadResult first = read(DirectoryReadRequest.full(CATALOG), new RecordingSink());
        try (LDAPConnection admin = directory.admin()) {
            admin.delete("CN=VPN Users,OU=Groups," + InMemoryDirectory.AD_BASE);
        }
        RecordingSink sink = new RecordingSink();
        DirectoryReadResult second =
                read(DirectoryReadRequest.changesSince(first.watermark().orElseThrow(), CATALOG), sink);

        assertEquals(ReadScope.FULL, second.accountScope());
        assertEquals(6, sink.groups().size());
    }

    @Test
    void watermarkOfOtherSettingsOrAnotherDomainControllerGivesAFullRead() {
        DirectoryReadResult first = read(DirectoryReadRequest.full(Set.of("department")), new RecordingSink());

        DirectoryReadResult otherAttributes =
                read(DirectoryReadRequest.changesSince(first.watermark().orElseThrow(), CATALOG), new RecordingSink());
        assertEquals(ReadScope.FULL, otherAttributes.accountScope());
        assertTrue(otherAttributes.fullReadReason().orElseThrow().contains("other settings"));

        directory.activeDirectoryBehaviour().becomeAnotherDomainController();
        DirectoryReadResult otherServer = read(
                DirectoryReadRequest.changesSince(first.watermark().orElseThrow(), Set.of("department")),
                new RecordingSink());
        assertEquals(ReadScope.FULL, otherServer.accountScope());
        assertTrue(
                otherServer.fullReadReason().orElseThrow().contains("another domain controller"),
                otherServer.fullReadReason().orElseThrow());
        assertEquals(4, otherServer.accountsRead());
    }

    @Test
    void anAccountRemovedBetweenTwoFullReadsIsAbsentFromTheSecond() throws Exception {
        RecordingSink before = new RecordingSink();
        read(DirectoryReadRequest.full(CATALOG), before);
        try (LDAPConnection admin = directory.admin()) {
            admin.delete("CN=Bob Baker," + STAFF);
        }
        RecordingSink after = new RecordingSink();
        DirectoryReadResult result = read(DirectoryReadRequest.full(CATALOG), after);

        assertTrue(result.accountsComplete(), "only a complete read lets the caller remove what it did not see");
        assertEquals(Set.of("alice", "bob", "carol", "eve"), before.logins());
        assertEquals(Set.of("alice", "carol", "eve"), after.logins());
        assertEquals(before.groups().size(), after.groups().size());
    }
}
