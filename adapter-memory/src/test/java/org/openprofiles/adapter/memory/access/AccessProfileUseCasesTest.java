package org.openprofiles.adapter.memory.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openprofiles.adapter.memory.testing.MemoryStorage;
import org.openprofiles.application.access.AssignProfile;
import org.openprofiles.application.access.ComplianceReport;
import org.openprofiles.application.access.ImportDirectory;
import org.openprofiles.application.access.SaveAccessProfile;
import org.openprofiles.application.contract.Fixtures;
import org.openprofiles.application.shared.Audit;
import org.openprofiles.domain.access.AccessProfile;
import org.openprofiles.domain.access.AccessProfileId;
import org.openprofiles.domain.access.Account;
import org.openprofiles.domain.access.AccountCompliance;
import org.openprofiles.domain.access.AccountId;
import org.openprofiles.domain.access.AttributeValue;
import org.openprofiles.domain.access.Deviation;
import org.openprofiles.domain.access.Group;
import org.openprofiles.domain.access.GroupId;
import org.openprofiles.domain.access.ProfileDraft;
import org.openprofiles.domain.access.ProfileFilter;
import org.openprofiles.domain.security.AuditEvent;
import org.openprofiles.domain.security.AuditTrail;
import org.openprofiles.domain.security.Principal;
import org.openprofiles.domain.security.Role;
import org.openprofiles.domain.security.RoleBasedAccessPolicy;
import org.openprofiles.domain.security.UserId;
import org.openprofiles.domain.shared.Conflict;
import org.openprofiles.domain.shared.Forbidden;
import org.openprofiles.domain.shared.Invalid;
import org.openprofiles.domain.shared.NotFound;
import org.openprofiles.domain.shared.PageRequest;
import org.openprofiles.domain.shared.PreconditionFailed;

/**
 * The access-profile use cases (save, assign, and the compliance report they feed) wired by hand
 * on the in-memory adapters: validation against the attribute catalog and the directory,
 * optimistic versions, the comment an assignment needs, and one audit event per write.
 */
class AccessProfileUseCasesTest {

    private static final Principal ADMIN = new Principal(UserId.random(), Set.of(Role.ADMIN));
    private static final Principal MANAGER = new Principal(UserId.random(), Set.of(Role.PROFILE_MANAGER));
    private static final Principal READER = new Principal(UserId.random(), Set.of(Role.PROFILE_READER));

    private MemoryStorage storage;
    private SaveAccessProfile save;
    private AssignProfile assign;
    private ComplianceReport compliance;
    private Group sales;
    private Account alice;
    private Account bob;

    @BeforeEach
    void wire() {
        storage = new MemoryStorage();
        Clock clock = Clock.fixed(Fixtures.NOW, ZoneOffset.UTC);
        RoleBasedAccessPolicy policy = new RoleBasedAccessPolicy();
        Audit audit = new Audit(storage.auditTrail(), clock);
        save = new SaveAccessProfile(
                policy,
                storage.accessProfiles(),
                storage.directory(),
                storage.assignments(),
                storage.attributeCatalogs(),
                storage.transactions(),
                audit,
                clock);
        assign = new AssignProfile(
                policy,
                storage.accessProfiles(),
                storage.directory(),
                storage.assignments(),
                storage.transactions(),
                audit,
                clock);
        compliance = new ComplianceReport(
                policy, storage.accessProfiles(), storage.complianceFindings(), storage.transactions(), clock);
        ImportDirectory directory =
                new ImportDirectory(policy, storage.directory(), storage.assignments(), storage.transactions(), audit);
        sales = new Group(new GroupId(UUID.randomUUID()), "Sales", "CN=Sales,DC=example,DC=org");
        directory.groups(ADMIN, List.of(sales));
        alice = new Account(
                new AccountId(UUID.randomUUID()),
                "alice",
                "Alice",
                "CN=alice,DC=example,DC=org",
                true,
                Set.of(sales.id()),
                List.of(new AttributeValue("department", "Sales")));
        bob = new Account(
                new AccountId(UUID.randomUUID()), "bob", "Bob", "CN=bob,DC=example,DC=org", true, Set.of(), List.of());
        directory.accounts(ADMIN, List.of(alice, bob));
    }

    private static ProfileDraft draft(String name, List<GroupId> groups, List<AttributeValue> attributes) {
        return new ProfileDraft(name, "the " + name + " team", 2, null, groups, attributes);
    }

    private static SaveAccessProfile.Command create(ProfileDraft draft) {
        return new SaveAccessProfile.Command(Optional.empty(), draft, Optional.empty(), Optional.empty(), List.of());
    }

    private AccessProfile salesProfile() {
        return save.save(
                        MANAGER,
                        create(draft("Sales", List.of(sales.id()), List.of(new AttributeValue("department", "Sales")))))
                .profile();
    }

    private List<AuditEvent> audit(String action) {
        return storage.auditTrail()
                .find(
                        new AuditTrail.Query(
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.of(action),
                                Optional.empty(),
                                Optional.empty()),
                        PageRequest.first(100))
                .items();
    }

    @Test
    void aNewProfileIsCheckedAgainstCatalogAndDirectoryAndStoredCanonicalWithOneAuditEvent() {
        SaveAccessProfile.Saved saved = save.save(
                MANAGER,
                create(draft(
                        "Contractors",
                        List.of(sales.id()),
                        List.of(new AttributeValue("accountExpires", "2030-01-31")))));
        assertTrue(saved.created());
        AccessProfile stored =
                storage.accessProfiles().find(saved.profile().id()).orElseThrow();
        assertEquals(List.of(sales), stored.groups());
        assertEquals(List.of(new AttributeValue("accountexpires", "2030-01-31T00:00:00")), stored.attributes());
        assertEquals("C", stored.initials(), "initials derived from the name");
        assertEquals(1, stored.version());
        List<AuditEvent> events = audit("access-profile.create");
        assertEquals(1, events.size());
        assertEquals(stored.id().toString(), events.get(0).objectId());
        assertEquals(Optional.of(MANAGER.userId()), events.get(0).actor());
    }

    @Test
    void everyViolationIsReportedAtOnceAndNothingIsWritten() {
        GroupId unknown = new GroupId(UUID.randomUUID());
        ProfileDraft bad = new ProfileDraft(
                " ",
                "",
                99,
                null,
                List.of(unknown),
                List.of(new AttributeValue("shoesize", "44"), new AttributeValue("accountexpires", "soon")));
        Invalid invalid = assertThrows(Invalid.class, () -> save.save(MANAGER, create(bad)));
        assertEquals(
                Set.of("name", "color", "ldapAttributes[0]", "ldapAttributes[1]", "groups[0]"),
                Set.copyOf(invalid.violations().stream()
                        .map(Invalid.Violation::field)
                        .toList()));
        assertTrue(storage.accessProfiles()
                .list(ProfileFilter.none(), PageRequest.first(10))
                .isEmpty());
        assertTrue(audit("access-profile.create").isEmpty());
    }

    @Test
    void aNameTakenInAnyCaseIsAConflict() {
        salesProfile();
        Conflict conflict =
                assertThrows(Conflict.class, () -> save.save(MANAGER, create(draft("SALES", List.of(), List.of()))));
        assertEquals(Optional.of("name"), conflict.field());
    }

    @Test
    void anUpdateMustNameTheCurrentVersionWhenItNamesOneAndRaisesIt() {
        AccessProfile stored = salesProfile();
        ProfileDraft renamed = draft("Sales EMEA", List.of(sales.id()), List.of());
        assertThrows(
                PreconditionFailed.class,
                () -> save.save(
                        MANAGER,
                        new SaveAccessProfile.Command(
                                Optional.of(stored.id()), renamed, Optional.of(7L), Optional.empty(), List.of())));
        assertThrows(
                Conflict.class,
                () -> save.save(
                        MANAGER,
                        new SaveAccessProfile.Command(
                                Optional.of(stored.id()), renamed, Optional.empty(), Optional.of(7L), List.of())),
                "a stale version inside the content is a conflict");
        assertEquals(
                "Sales",
                storage.accessProfiles().find(stored.id()).orElseThrow().name());

        SaveAccessProfile.Saved saved = save.save(
                MANAGER,
                new SaveAccessProfile.Command(
                        Optional.of(stored.id()), renamed, Optional.of(stored.version()), Optional.empty(), List.of()));
        assertFalse(saved.created());
        assertEquals(2, saved.profile().version());
        List<AuditEvent> updates = audit("access-profile.update");
        assertEquals(1, updates.size());
        assertEquals("Sales", updates.get(0).before().get("name"));
        assertEquals("Sales EMEA", updates.get(0).after().get("name"));
    }

    @Test
    void onlyAProfileManagerSavesAndAssigns() {
        assertThrows(Forbidden.class, () -> save.save(READER, create(draft("Readers", List.of(), List.of()))));
        AccessProfile stored = salesProfile();
        assertThrows(
                Forbidden.class,
                () -> assign.assign(READER, new AssignProfile.Command(stored.id(), List.of(alice.id()), "joined")));
        assertEquals(0, storage.assignments().countFor(stored.id()));
    }

    @Test
    void assigningNeedsACommentAndKnownAccountsAndSaysWhatChangedWithOneAuditEventEach() {
        AccessProfile stored = salesProfile();
        Invalid noComment = assertThrows(
                Invalid.class,
                () -> assign.assign(MANAGER, new AssignProfile.Command(stored.id(), List.of(alice.id()), "  ")));
        assertEquals(Optional.of("comment"), noComment.field());
        AccountId stranger = new AccountId(UUID.randomUUID());
        NotFound unknown = assertThrows(
                NotFound.class,
                () -> assign.assign(
                        MANAGER, new AssignProfile.Command(stored.id(), List.of(alice.id(), stranger), "joined")));
        assertEquals(Optional.of("accountIds"), unknown.field());
        assertEquals(0, storage.assignments().countFor(stored.id()), "all or nothing");
        assertThrows(
                NotFound.class,
                () -> assign.assign(
                        MANAGER, new AssignProfile.Command(AccessProfileId.random(), List.of(alice.id()), "joined")));

        assertEquals(
                new AssignProfile.Outcome(2, 0),
                assign.assign(
                        MANAGER, new AssignProfile.Command(stored.id(), List.of(alice.id(), bob.id()), "joined")));
        assertEquals(
                new AssignProfile.Outcome(0, 1),
                assign.assign(MANAGER, new AssignProfile.Command(stored.id(), List.of(bob.id()), "again")));
        assertEquals(
                new AssignProfile.Outcome(1, 0),
                assign.unassign(MANAGER, new AssignProfile.Command(stored.id(), List.of(bob.id()), "left")));
        assertEquals(2, audit("access-profile.assign").size());
        assertEquals(1, audit("access-profile.unassign").size());
        assertEquals(1, storage.assignments().countFor(stored.id()));
    }

    @Test
    void theComplianceReportFollowsWhatProfilesRequireAndWhatAccountsHave() {
        AccessProfile stored = salesProfile();
        assign.assign(MANAGER, new AssignProfile.Command(stored.id(), List.of(alice.id(), bob.id()), "joined"));
        List<AccountCompliance> report = compliance
                .report(READER, new ComplianceReport.Query(Optional.of(stored.id()), false), PageRequest.first(10))
                .items();
        assertEquals(
                List.of("alice", "bob"),
                report.stream().map(l -> l.account().samAccountName()).toList());
        assertEquals(List.of(), report.get(0).deviations());
        assertEquals(
                List.of(
                        new Deviation.MissingGroup(stored.id(), sales),
                        new Deviation.WrongAttribute(stored.id(), "department", "Sales", "")),
                report.get(1).deviations());

        save.save(
                MANAGER,
                new SaveAccessProfile.Command(
                        Optional.of(stored.id()),
                        draft("Sales", List.of(), List.of()),
                        Optional.empty(),
                        Optional.empty(),
                        List.of()));
        assertTrue(
                compliance
                        .report(
                                READER,
                                new ComplianceReport.Query(Optional.of(stored.id()), true),
                                PageRequest.first(10))
                        .isEmpty(),
                "once the profile requires nothing, nobody deviates from it");
    }
}
