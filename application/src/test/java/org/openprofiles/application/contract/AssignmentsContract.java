package org.openprofiles.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openprofiles.domain.access.AccessProfile;
import org.openprofiles.domain.access.AccessProfileId;
import org.openprofiles.domain.access.Account;
import org.openprofiles.domain.access.AccountId;
import org.openprofiles.domain.access.Assignments;
import org.openprofiles.domain.access.AttributeDefinition;
import org.openprofiles.domain.access.AttributeValue;
import org.openprofiles.domain.access.Group;
import org.openprofiles.domain.access.ProfileAssignment;
import org.openprofiles.domain.access.RequiredAttribute;
import org.openprofiles.domain.access.RequiredGroup;
import org.openprofiles.domain.security.UserId;

/**
 * The contract of {@link Assignments}: assigning and unassigning change only what is not already
 * so and say how much changed, a profile's accounts are listed by samAccountName ignoring case with
 * comment, time and whether each deviates (as of the last recheck, which follows every change of a
 * profile or an account), and an account's required groups and attribute values are listed with
 * what the account actually has.
 */
public abstract class AssignmentsContract extends StorageContract {

    private static final UserId BY = UserId.random();

    private Assignments assignments() {
        return storage().assignments();
    }

    private AccessProfile profile(List<Group> groups, List<AttributeValue> attributes) {
        return fixtures().storedAccessProfile("p" + Fixtures.token(), groups, attributes);
    }

    private Account account() {
        return fixtures().account("s" + Fixtures.token());
    }

    private List<ProfileAssignment> listed(AccessProfileId profile) {
        return all(2, page -> assignments().listFor(profile, page, Fixtures.NOW));
    }

    private boolean nonCompliant(AccessProfileId profile, AccountId account) {
        return listed(profile).stream()
                .filter(a -> a.account().id().equals(account))
                .findFirst()
                .orElseThrow()
                .nonCompliant();
    }

    @Test
    void assigningAddsOnlyTheNewAssignmentsAndSaysHowMany() {
        AccessProfile profile = profile(List.of(), List.of());
        Account a = account();
        Account b = account();
        Account c = account();
        assertEquals(2, assignments().assign(profile.id(), List.of(a.id(), b.id()), "joined", BY, Fixtures.NOW));
        assertEquals(1, assignments().assign(profile.id(), List.of(b.id(), c.id()), "later", BY, Fixtures.NOW));
        assertEquals(3, assignments().countFor(profile.id()));
        ProfileAssignment kept = listed(profile.id()).stream()
                .filter(x -> x.account().id().equals(b.id()))
                .findFirst()
                .orElseThrow();
        assertEquals("joined", kept.comment(), "an existing assignment keeps its first comment");
    }

    @Test
    void unassigningRemovesOnlyWhatWasAssignedAndSaysHowMany() {
        AccessProfile profile = profile(List.of(), List.of());
        AccessProfile other = profile(List.of(), List.of());
        Account a = account();
        Account b = account();
        assignments().assign(profile.id(), List.of(a.id()), "c", BY, Fixtures.NOW);
        assignments().assign(other.id(), List.of(a.id(), b.id()), "c", BY, Fixtures.NOW);
        assertEquals(1, assignments().unassign(profile.id(), List.of(a.id(), b.id())));
        assertEquals(0, assignments().unassign(profile.id(), List.of(a.id())));
        assertEquals(0, assignments().countFor(profile.id()));
        assertEquals(2, assignments().countFor(other.id()), "other profiles keep theirs");
    }

    @Test
    void aProfilesAccountsComeBySamAccountNameIgnoringCaseWithCommentAndTime() {
        AccessProfile profile = profile(List.of(), List.of());
        String token = Fixtures.token();
        Account carol = fixtures().account(token + "carol");
        Account bob = fixtures().account(token + "Bob");
        Account alice = fixtures().account(token + "alice");
        Account notAssigned = fixtures().account(token + "aaron");
        assignments().assign(profile.id(), List.of(carol.id(), alice.id()), "first", BY, Fixtures.NOW);
        assignments().assign(profile.id(), List.of(bob.id()), "second", BY, Fixtures.NOW.plusSeconds(5));
        assertEquals(
                List.of(
                        new ProfileAssignment(profile.id(), Fixtures.summary(alice), "first", Fixtures.NOW, false),
                        new ProfileAssignment(
                                profile.id(), Fixtures.summary(bob), "second", Fixtures.NOW.plusSeconds(5), false),
                        new ProfileAssignment(profile.id(), Fixtures.summary(carol), "first", Fixtures.NOW, false)),
                listed(profile.id()));
        assertFalse(listed(profile.id()).stream().anyMatch(a -> a.account().id().equals(notAssigned.id())));
    }

    @Test
    void anAccountRenamedInTheDirectoryMovesToItsNewPlaceInTheList() {
        AccessProfile profile = profile(List.of(), List.of());
        String token = Fixtures.token();
        Account alice = fixtures().account(token + "alice");
        Account bob = fixtures().account(token + "bob");
        Account carol = fixtures().account(token + "carol");
        assignments().assign(profile.id(), List.of(alice.id(), bob.id(), carol.id()), "c", BY, Fixtures.NOW);
        Account zed = new Account(
                alice.id(),
                token + "Zed",
                alice.displayName(),
                alice.distinguishedName(),
                true,
                alice.groups(),
                alice.attributes());
        storage().directory().mergeAccounts(List.of(zed));
        assertEquals(
                List.of(bob.id(), carol.id(), alice.id()),
                listed(profile.id()).stream().map(a -> a.account().id()).toList());
        assertEquals(token + "Zed", listed(profile.id()).get(2).account().samAccountName());
    }

    @Test
    void anAccountChangedInTheDirectoryIsListedAsItIsNowInBothLists() {
        AccessProfile profile = profile(List.of(), List.of());
        String token = Fixtures.token();
        Account before = fixtures().account(token + "dora");
        Account unchanged = fixtures().account(token + "eve");
        assignments().assign(profile.id(), List.of(before.id(), unchanged.id()), "c", BY, Fixtures.NOW);
        Account after = new Account(
                before.id(),
                token + "Dora",
                "Dora Explorer",
                "CN=Dora Explorer,OU=Moved,DC=example,DC=com",
                false,
                before.groups(),
                before.attributes());

        storage().directory().mergeAccounts(List.of(after));

        List<ProfileAssignment> listed = listed(profile.id());
        assertEquals(
                List.of(Fixtures.summary(after), Fixtures.summary(unchanged)),
                listed.stream().map(ProfileAssignment::account).toList(),
                "name (a change of case alone included), display name, distinguished name and enabled as they are now");
        assertEquals(
                Set.of(Fixtures.summary(after), Fixtures.summary(unchanged)),
                Set.copyOf(all(2, page -> assignments().listAll(page, Fixtures.NOW)).stream()
                        .map(ProfileAssignment::account)
                        .filter(a -> a.id().equals(before.id()) || a.id().equals(unchanged.id()))
                        .toList()));
        Account later = fixtures().account(token + "fay");
        storage()
                .directory()
                .mergeAccounts(List.of(new Account(
                        later.id(),
                        later.samAccountName(),
                        "Fay Now",
                        later.distinguishedName(),
                        true,
                        later.groups(),
                        later.attributes())));
        assignments().assign(profile.id(), List.of(later.id()), "c", BY, Fixtures.NOW);
        assertEquals(
                "Fay Now",
                listed(profile.id()).get(2).account().displayName(),
                "an assignment made after a change shows the account as it is then");
    }

    @Test
    void accountsOfTheSameNameComeByIdInTheList() {
        AccessProfile profile = profile(List.of(), List.of());
        String name = "twin" + Fixtures.token();
        Account high =
                new Account(new AccountId(Fixtures.uuidStartingWith('f')), name, null, null, true, Set.of(), List.of());
        Account low =
                new Account(new AccountId(Fixtures.uuidStartingWith('0')), name, null, null, true, Set.of(), List.of());
        storage().directory().mergeAccounts(List.of(high, low));
        assignments().assign(profile.id(), List.of(high.id(), low.id()), "c", BY, Fixtures.NOW);
        assertEquals(
                List.of(low.id(), high.id()),
                all(1, page -> assignments().listFor(profile.id(), page, Fixtures.NOW)).stream()
                        .map(a -> a.account().id())
                        .toList());
    }

    @Test
    void anAccountMissingARequiredGroupDeviatesOnceRechecked() {
        Group group = fixtures().group("g" + Fixtures.token());
        AccessProfile profile = profile(List.of(group), List.of());
        Account outside = account();
        Account member = fixtures().account("s" + Fixtures.token(), Set.of(group.id()), List.of());
        assignments().assign(profile.id(), List.of(outside.id(), member.id()), "c", BY, Fixtures.NOW);
        assignments().recheck(List.of(outside.id(), member.id()));
        assertTrue(nonCompliant(profile.id(), outside.id()));
        assertFalse(nonCompliant(profile.id(), member.id()));
    }

    @Test
    void aWrongAttributeValueDeviatesOnceRechecked() {
        AttributeDefinition title = fixtures().attribute("Title");
        AccessProfile profile = profile(List.of(), List.of(new AttributeValue(title.key(), "Clerk")));
        Account clerk =
                fixtures().account("s" + Fixtures.token(), Set.of(), List.of(new AttributeValue(title.key(), "Clerk")));
        Account boss =
                fixtures().account("s" + Fixtures.token(), Set.of(), List.of(new AttributeValue(title.key(), "Boss")));
        Account none = account();
        assignments().assign(profile.id(), List.of(clerk.id(), boss.id(), none.id()), "c", BY, Fixtures.NOW);
        assignments().recheck(List.of(clerk.id(), boss.id(), none.id()));
        assertFalse(nonCompliant(profile.id(), clerk.id()));
        assertTrue(nonCompliant(profile.id(), boss.id()));
        assertTrue(nonCompliant(profile.id(), none.id()));
    }

    @Test
    void aProfileChangeIsFollowedByItsRecheck() {
        Group group = fixtures().group("g" + Fixtures.token());
        AccessProfile profile = profile(List.of(group), List.of());
        Account outside = account();
        assignments().assign(profile.id(), List.of(outside.id()), "c", BY, Fixtures.NOW);
        assignments().recheck(List.of(outside.id()));
        assertTrue(nonCompliant(profile.id(), outside.id()));
        storage().transactions().run(() -> {
            storage()
                    .accessProfiles()
                    .update(new AccessProfile(
                            profile.id(),
                            profile.name(),
                            "",
                            1,
                            "P",
                            profile.createdAt(),
                            Fixtures.NOW,
                            List.of(),
                            List.of(),
                            profile.version()));
            assignments().recheck(profile.id());
        });
        assertFalse(nonCompliant(profile.id(), outside.id()));
    }

    @Test
    void anAccountChangeIsFollowedByItsRecheck() {
        Group group = fixtures().group("g" + Fixtures.token());
        AccessProfile profile = profile(List.of(group), List.of());
        Account account = account();
        assignments().assign(profile.id(), List.of(account.id()), "c", BY, Fixtures.NOW);
        assignments().recheck(List.of(account.id()));
        assertTrue(nonCompliant(profile.id(), account.id()));
        storage().transactions().run(() -> {
            storage()
                    .directory()
                    .mergeAccounts(List.of(new Account(
                            account.id(), account.samAccountName(), null, null, true, Set.of(group.id()), List.of())));
            assignments().recheck(List.of(account.id()));
        });
        assertFalse(nonCompliant(profile.id(), account.id()));
        assignments().recheck(List.of());
        assertFalse(nonCompliant(profile.id(), account.id()), "rechecking no account changes nothing");
    }

    @Test
    void anAccountsRequiredGroupsComeByGroupNameWithMembershipOnePerProfile() {
        String token = Fixtures.token();
        Group beta = fixtures().group(token + "Beta");
        Group alpha = fixtures().group(token + "alpha");
        Group gamma = fixtures().group(token + "gamma");
        AccessProfile low = new AccessProfile(
                new AccessProfileId(Fixtures.uuidStartingWith('0')),
                "p" + Fixtures.token(),
                "",
                1,
                "P",
                Fixtures.NOW,
                Fixtures.NOW,
                List.of(beta, alpha),
                List.of(),
                1);
        storage().accessProfiles().add(low);
        AccessProfile high = new AccessProfile(
                new AccessProfileId(Fixtures.uuidStartingWith('f')),
                "q" + Fixtures.token(),
                "",
                1,
                "Q",
                Fixtures.NOW,
                Fixtures.NOW,
                List.of(alpha, gamma),
                List.of(),
                1);
        storage().accessProfiles().add(high);
        Account account = fixtures().account("s" + Fixtures.token(), Set.of(alpha.id()), List.of());
        assignments().assign(low.id(), List.of(account.id()), "c", BY, Fixtures.NOW);
        assignments().assign(high.id(), List.of(account.id()), "c", BY, Fixtures.NOW);
        assertEquals(
                List.of(
                        new RequiredGroup(low.id(), low.name(), alpha, true),
                        new RequiredGroup(high.id(), high.name(), alpha, true),
                        new RequiredGroup(low.id(), low.name(), beta, false),
                        new RequiredGroup(high.id(), high.name(), gamma, false)),
                all(
                        1,
                        page -> assignments()
                                .requiredGroups(account.id(), page, storage().accessProfiles())));
        assertEquals(
                List.of(),
                all(
                        1,
                        page -> assignments()
                                .requiredGroups(account().id(), page, storage().accessProfiles())));
    }

    @Test
    void anAccountsRequiredAttributesComeByKeyWithTheActualValueAndTheCatalogLabel() {
        AttributeDefinition first = fixtures().attribute("First label");
        AttributeDefinition second = fixtures().attribute("Second label");
        List<AttributeDefinition> byKey =
                first.key().compareTo(second.key()) < 0 ? List.of(first, second) : List.of(second, first);
        String uncatalogued = "zz" + Fixtures.token();
        AccessProfile profile = profile(
                List.of(),
                List.of(
                        new AttributeValue(uncatalogued, "x"),
                        new AttributeValue(byKey.get(1).key(), "two"),
                        new AttributeValue(byKey.get(0).key(), "one")));
        Account account = fixtures()
                .account(
                        "s" + Fixtures.token(),
                        Set.of(),
                        List.of(
                                new AttributeValue(byKey.get(0).key(), "one"),
                                new AttributeValue(byKey.get(1).key(), "2")));
        assignments().assign(profile.id(), List.of(account.id()), "c", BY, Fixtures.NOW);
        List<RequiredAttribute> required = all(1, page -> assignments().requiredAttributes(account.id(), page));
        assertEquals(
                List.of(
                        new RequiredAttribute(
                                profile.id(),
                                profile.name(),
                                byKey.get(0).label(),
                                new AttributeValue(byKey.get(0).key(), "one"),
                                "one"),
                        new RequiredAttribute(
                                profile.id(),
                                profile.name(),
                                byKey.get(1).label(),
                                new AttributeValue(byKey.get(1).key(), "two"),
                                "2"),
                        new RequiredAttribute(
                                profile.id(), profile.name(), uncatalogued, new AttributeValue(uncatalogued, "x"), "")),
                required,
                "an attribute the catalog does not define is labelled with its key");
        assertTrue(required.get(0).compliant());
        assertFalse(required.get(1).compliant());
    }

    @Test
    void aCursorThisStorageDidNotIssueIsInvalid() {
        AccessProfileId profile = profile(List.of(), List.of()).id();
        AccountId account = account().id();
        assertForeignCursorsAreRefused(2, page -> assignments().listFor(profile, page, Fixtures.NOW));
        assertForeignCursorsAreRefused(
                3, page -> assignments().requiredGroups(account, page, storage().accessProfiles()));
        assertForeignCursorsAreRefused(2, page -> assignments().requiredAttributes(account, page));
        assertForeignCursorsAreRefused(2, page -> assignments().listAll(page, Fixtures.NOW));
    }

    @Test
    void everyAssignmentOfEveryProfileIsListedByAccountIdThenProfileId() {
        Group group = fixtures().group("g" + Fixtures.token());
        AccessProfile first = profile(List.of(group), List.of());
        AccessProfile second = profile(List.of(), List.of());
        Account inGroup = fixtures().account("s" + Fixtures.token(), Set.of(group.id()), List.of());
        Account outside = account();
        storage().transactions().run(() -> {
            assignments().assign(first.id(), List.of(inGroup.id(), outside.id()), "why", BY, Fixtures.NOW);
            assignments().assign(second.id(), List.of(outside.id()), "why", BY, Fixtures.NOW);
            assignments().recheck(List.of(inGroup.id(), outside.id()));
        });

        List<ProfileAssignment> all = all(2, page -> assignments().listAll(page, Fixtures.NOW));

        List<String> keys = all.stream()
                .map(a -> a.account().id().value() + "/" + a.profileId().value())
                .toList();
        assertEquals(keys.stream().sorted().toList(), keys, "account id, then profile id, as text");
        List<ProfileAssignment> ours = all.stream()
                .filter(a -> a.account().id().equals(inGroup.id())
                        || a.account().id().equals(outside.id()))
                .toList();
        assertEquals(3, ours.size());
        assertEquals(
                Set.of(
                        new ProfileAssignment(first.id(), Fixtures.summary(inGroup), "why", Fixtures.NOW, false),
                        new ProfileAssignment(first.id(), Fixtures.summary(outside), "why", Fixtures.NOW, true),
                        new ProfileAssignment(second.id(), Fixtures.summary(outside), "why", Fixtures.NOW, false)),
                Set.copyOf(ours),
                "each with whether the account deviates from that profile");
    }
}
