package org.openprofiles.adapter.ldap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedModifyRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.LDAPConnection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openprofiles.adapter.ldap.testing.InMemoryDirectory;
import org.openprofiles.domain.access.AccountId;
import org.openprofiles.domain.access.AttributeValue;
import org.openprofiles.domain.access.GroupId;
import org.openprofiles.domain.access.directory.DirectoryChange;
import org.openprofiles.domain.access.directory.DirectoryChange.AddToGroup;
import org.openprofiles.domain.access.directory.DirectoryChange.SetAttribute;
import org.openprofiles.domain.access.directory.DirectoryChangeResult;
import org.openprofiles.domain.access.directory.DirectoryChangeResult.Outcome;
import org.openprofiles.domain.access.directory.DirectoryReadRequest;
import org.openprofiles.domain.shared.Forbidden;

/** Remediation writes against the AD-like in-memory server, read back through the source. */
class ActiveDirectoryWriteTest {

    private static final Set<String> CATALOG = Set.of("department", "accountexpires", "title");

    private final InMemoryDirectory directory = InMemoryDirectory.activeDirectory();

    @AfterEach
    void stop() {
        directory.close();
    }

    private RecordingSink readAll() {
        RecordingSink sink = new RecordingSink();
        new LdapDirectorySource(
                        directory.settings(LdapSettings.Preset.ACTIVE_DIRECTORY).build())
                .read(DirectoryReadRequest.full(CATALOG), sink);
        return sink;
    }

    private static AccountId id(RecordingSink sink, String login) {
        return sink.account(login).orElseThrow().id();
    }

    private static GroupId group(RecordingSink sink, String name) {
        return sink.groups().stream()
                .filter(g -> g.name().equals(name))
                .findFirst()
                .orElseThrow()
                .id();
    }

    @Test
    void writingIsRefusedUnlessTheSettingsAllowIt() {
        RecordingSink before = readAll();
        LdapDirectoryWriter writer = new LdapDirectoryWriter(
                directory.settings(LdapSettings.Preset.ACTIVE_DIRECTORY).build());

        Forbidden refused = assertThrows(
                Forbidden.class,
                () -> writer.apply(List.of(new AddToGroup(id(before, "eve"), group(before, "VPN Users")))));
        assertEquals("directory_writing_disabled", refused.code());
        assertEquals(Set.of(), readAll().groupNames("eve"), "nothing was written");
    }

    @Test
    void appliedChangesShowOnTheNextReadAndEachChangeReportsItsOwnResult() throws Exception {
        RecordingSink before = readAll();
        LdapDirectoryWriter writer = new LdapDirectoryWriter(directory
                .settings(LdapSettings.Preset.ACTIVE_DIRECTORY)
                .writeEnabled(true)
                .build());
        List<DirectoryChange> changes = List.of(
                new AddToGroup(id(before, "eve"), group(before, "VPN Users")),
                new AddToGroup(id(before, "alice"), group(before, "Sales EMEA")),
                new SetAttribute(id(before, "eve"), new AttributeValue("department", "Sales")),
                new SetAttribute(id(before, "bob"), new AttributeValue("accountexpires", "2031-06-30T00:00:00")),
                new SetAttribute(id(before, "alice"), new AttributeValue("title", "Account Manager")),
                new SetAttribute(id(before, "carol"), new AttributeValue("department", "")),
                new SetAttribute(new AccountId(UUID.randomUUID()), new AttributeValue("title", "Ghost")),
                new AddToGroup(id(before, "eve"), new GroupId(UUID.randomUUID())));

        List<DirectoryChangeResult> results = writer.apply(changes);

        assertEquals(
                List.of(
                        Outcome.APPLIED,
                        Outcome.ALREADY_IN_PLACE,
                        Outcome.APPLIED,
                        Outcome.APPLIED,
                        Outcome.ALREADY_IN_PLACE,
                        Outcome.APPLIED,
                        Outcome.FAILED,
                        Outcome.FAILED),
                results.stream().map(DirectoryChangeResult::outcome).toList());
        assertEquals(
                changes, results.stream().map(DirectoryChangeResult::change).toList());
        assertTrue(
                results.get(6).message().contains("was not found"),
                results.get(6).message());

        RecordingSink after = readAll();
        assertEquals(Set.of("VPN Users"), after.groupNames("eve"));
        assertEquals(Optional.of("Sales"), after.attribute("eve", "department"));
        assertEquals(Optional.of("2031-06-30T00:00:00"), after.attribute("bob", "accountexpires"));
        assertEquals(Optional.empty(), after.attribute("carol", "department"));
        try (LDAPConnection admin = directory.admin()) {
            // As AD keeps it: 100-ns intervals since 1601-01-01 UTC.
            assertEquals(
                    "135850176000000000",
                    admin.getEntry("CN=Bob Baker,OU=Staff," + InMemoryDirectory.AD_BASE)
                            .getAttributeValue("accountExpires"));
        }
    }

    @Test
    void whenTheConnectionBreaksTheChangeAtHandFailsAndTheRestAreNotAttempted() throws Exception {
        RecordingSink before = readAll();
        AtomicReference<InMemoryDirectory> server = new AtomicReference<>();
        AtomicInteger modifies = new AtomicInteger();
        // The second modify request stops the whole server, connections and all.
        InMemoryDirectory breaking = InMemoryDirectory.activeDirectory(new InMemoryOperationInterceptor() {
            @Override
            public void processModifyRequest(InMemoryInterceptedModifyRequest request) {
                if (modifies.incrementAndGet() == 2) {
                    server.get().stop();
                }
            }
        });
        server.set(breaking);
        try {
            LdapDirectoryWriter writer = new LdapDirectoryWriter(breaking.settings(LdapSettings.Preset.ACTIVE_DIRECTORY)
                    .writeEnabled(true)
                    .build());
            List<DirectoryChangeResult> results = writer.apply(List.of(
                    new SetAttribute(id(before, "eve"), new AttributeValue("department", "Sales")),
                    new SetAttribute(id(before, "bob"), new AttributeValue("department", "Audit")),
                    new AddToGroup(id(before, "eve"), group(before, "VPN Users"))));

            assertEquals(
                    List.of(Outcome.APPLIED, Outcome.FAILED, Outcome.NOT_ATTEMPTED),
                    results.stream().map(DirectoryChangeResult::outcome).toList());
            assertTrue(
                    results.get(2).message().startsWith("not attempted: "),
                    results.get(2).message());
        } finally {
            breaking.close();
        }
    }
}
