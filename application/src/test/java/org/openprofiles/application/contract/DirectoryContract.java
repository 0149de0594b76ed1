package org.openprofiles.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openprofiles.domain.access.AcceptanceId;
import org.openprofiles.domain.access.AccessProfile;
import org.openprofiles.domain.access.Account;
import org.openprofiles.domain.access.AccountId;
import org.openprofiles.domain.access.AccountSummary;
import org.openprofiles.domain.access.AttributeDefinition;
import org.openprofiles.domain.access.AttributeValue;
import org.openprofiles.domain.access.DeviationAcceptance;
import org.openprofiles.domain.access.DeviationKey;
import org.openprofiles.domain.access.Directory;
import org.openprofiles.domain.access.DirectoryGroup;
import org.openprofiles.domain.access.Group;
import org.openprofiles.domain.access.GroupId;
import org.openprofiles.domain.access.Merged;
import org.openprofiles.domain.access.NamePrefix;
import org.openprofiles.domain.access.RemovedAccount;
import org.openprofiles.domain.access.RemovedGroup;
import org.openprofiles.domain.access.RequiredAttribute;
import org.openprofiles.domain.access.RequiredGroup;
import org.openprofiles.domain.security.UserId;
import org.openprofiles.domain.shared.PageRequest;

/**
 * The contract of {@link Directory}: groups and accounts are merged by id (saying which were new and
 * which changed), an account's memberships and attribute values are replaced with it (seen through
 * what its profiles require), the known and unknown ids among a batch are told apart, ids come in
 * id order, removal takes an account with its assignments and acceptances and keeps a group that
 * profiles require as missing, and accounts and groups are listed by name and prefix.
 */
public abstract class DirectoryContract extends StorageContract {

    private Directory directory() {
        return storage().directory();
    }

    @Test
    void groupsAreInsertedAndReplacedById() {
        Group group = fixtures().group("g" + Fixtures.token());
        Group other = fixtures().group("g" + Fixtures.token());
        assertEquals(Set.of(group, other), Set.copyOf(directory().groups(List.of(group.id(), other.id()))));
        Group renamed = new Group(group.id(), "renamed" + Fixtures.token(), "CN=renamed,DC=example,DC=org");
        directory().mergeGroups(List.of(renamed));
        assertEquals(List.of(renamed), directory().groups(List.of(group.id())));
        assertEquals(List.of(other), directory().groups(List.of(other.id())));
    }

    @Test
    void groupsAnswersOnlyKnownGroupsOnceEach() {
        Group group = fixtures().group("g" + Fixtures.token());
        GroupId unknown = new GroupId(UUID.randomUUID());
        assertEquals(List.of(group), directory().groups(List.of(group.id(), unknown, group.id())));
        assertEquals(List.of(), directory().groups(List.of()));
    }

    @Test
    void unknownGroupsAndAccountsAreTheIdsNotStored() {
        Group group = fixtures().group("g" + Fixtures.token());
        Account account = fixtures().account("s" + Fixtures.token());
        GroupId unknownGroup = new GroupId(UUID.randomUUID());
        AccountId unknownAccount = new AccountId(UUID.randomUUID());
        assertEquals(Set.of(unknownGroup), directory().unknownGroups(List.of(group.id(), unknownGroup)));
        assertEquals(Set.of(unknownAccount), directory().unknownAccounts(List.of(unknownAccount, account.id())));
        assertEquals(Set.of(), directory().unknownGroups(List.of()));
        assertEquals(Set.of(), directory().unknownAccounts(List.of()));
        assertEquals(
                Set.of(new AccountId(group.id().value())),
                directory().unknownAccounts(List.of(new AccountId(group.id().value()))),
                "a group is not an account");
    }

    @Test
    void anAccountIsFoundAsASummaryAndReplacedById() {
        Account account = fixtures().account("s" + Fixtures.token());
        assertEquals(
                Optional.of(new AccountSummary(
                        account.id(),
                        account.samAccountName(),
                        account.displayName(),
                        account.distinguishedName(),
                        true)),
                directory().findAccount(account.id()));
        Account changed = new Account(
                account.id(),
                "t" + Fixtures.token(),
                "Renamed",
                "CN=moved,DC=example,DC=org",
                false,
                Set.of(),
                List.of());
        directory().mergeAccounts(List.of(changed));
        assertEquals(
                Optional.of(new AccountSummary(
                        changed.id(), changed.samAccountName(), "Renamed", "CN=moved,DC=example,DC=org", false)),
                directory().findAccount(account.id()));
        assertEquals(Optional.empty(), directory().findAccount(new AccountId(UUID.randomUUID())));
    }

    @Test
    void anAccountsMembershipsAndAttributeValuesAreReplacedWithIt() {
        Group a = fixtures().group("a" + Fixtures.token());
        Group b = fixtures().group("b" + Fixtures.token());
        AttributeDefinition title = fixtures().attribute("Job title");
        AccessProfile profile = fixtures()
                .storedAccessProfile(
                        "p" + Fixtures.token(), List.of(a, b), List.of(new AttributeValue(title.key(), "Clerk")));
        Account account = fixtures()
                .account("s" + Fixtures.token(), Set.of(a.id()), List.of(new AttributeValue(title.key(), "Clerk")));
        storage().assignments().assign(profile.id(), List.of(account.id()), "c", UserId.random(), Fixtures.NOW);
        assertEquals(Set.of(a.id()), memberships(account.id()));
        assertEquals(List.of("Clerk"), actualValues(account.id()));

        directory()
                .mergeAccounts(List.of(new Account(
                        account.id(), account.samAccountName(), null, null, true, Set.of(b.id()), List.of())));
        assertEquals(Set.of(b.id()), memberships(account.id()));
        assertEquals(List.of(""), actualValues(account.id()), "no value any more");
    }

    @Test
    void aBatchOfAccountsIsStoredTogether() {
        Group group = fixtures().group("g" + Fixtures.token());
        List<Account> batch = List.of(
                new Account(
                        new AccountId(UUID.randomUUID()),
                        "s" + Fixtures.token(),
                        null,
                        null,
                        true,
                        Set.of(group.id()),
                        List.of()),
                new Account(
                        new AccountId(UUID.randomUUID()),
                        "s" + Fixtures.token(),
                        null,
                        null,
                        false,
                        Set.of(),
                        List.of()));
        directory().mergeAccounts(batch);
        assertEquals(
                Set.of(),
                directory().unknownAccounts(batch.stream().map(Account::id).toList()));
        assertEquals(
                false, directory().findAccount(batch.get(1).id()).orElseThrow().enabled());
    }

    @Test
    void mergingGroupsTellsWhichWereNewAndWhichChanged() {
        Group group = new Group(new GroupId(UUID.randomUUID()), "g" + Fixtures.token(), "CN=g,DC=example,DC=org");
        assertEquals(new Merged<>(Set.of(group.id()), Set.of()), directory().mergeGroups(List.of(group)));
        assertEquals(Merged.none(), directory().mergeGroups(List.of(group)), "the same again changes nothing");
        Group renamed = new Group(group.id(), "r" + Fixtures.token(), group.distinguishedName());
        Group other = new Group(new GroupId(UUID.randomUUID()), "o" + Fixtures.token(), "");
        assertEquals(
                new Merged<>(Set.of(other.id()), Set.of(renamed.id())),
                directory().mergeGroups(List.of(renamed, other)));
        assertEquals(Merged.none(), directory().mergeGroups(List.of()));
    }

    @Test
    void mergingAccountsTellsWhichWereNewAndWhichChangedInNamesMembershipsOrValues() {
        Group a = fixtures().group("a" + Fixtures.token());
        Group b = fixtures().group("b" + Fixtures.token());
        AttributeDefinition title = fixtures().attribute("Title");
        AttributeDefinition city = fixtures().attribute("City");
        AccountId id = new AccountId(UUID.randomUUID());
        String sam = "s" + Fixtures.token();
        Account account = new Account(
                id,
                sam,
                "Sam",
                "CN=s",
                true,
                Set.of(a.id()),
                List.of(new AttributeValue(title.key(), "Clerk"), new AttributeValue(city.key(), "Bonn")));
        assertEquals(new Merged<>(Set.of(id), Set.of()), directory().mergeAccounts(List.of(account)));
        Account reordered = new Account(
                id,
                sam,
                "Sam",
                "CN=s",
                true,
                Set.of(a.id()),
                List.of(new AttributeValue(city.key(), "Bonn"), new AttributeValue(title.key(), "Clerk")));
        assertEquals(Merged.none(), directory().mergeAccounts(List.of(reordered)), "the same content again");
        for (Account changed : List.of(
                new Account(id, sam, "Samuel", "CN=s", true, account.groups(), account.attributes()),
                new Account(id, sam, "Samuel", "CN=s", false, account.groups(), account.attributes()),
                new Account(id, sam, "Samuel", "CN=s", false, Set.of(a.id(), b.id()), account.attributes()),
                new Account(id, sam, "Samuel", "CN=s", false, Set.of(b.id()), account.attributes()),
                new Account(
                        id,
                        sam,
                        "Samuel",
                        "CN=s",
                        false,
                        Set.of(b.id()),
                        List.of(new AttributeValue(title.key(), "Head clerk"), new AttributeValue(city.key(), "Bonn"))),
                new Account(
                        id,
                        sam,
                        "Samuel",
                        "CN=s",
                        false,
                        Set.of(b.id()),
                        List.of(new AttributeValue(title.key(), "Head clerk"))))) {
            assertEquals(
                    new Merged<>(Set.of(), Set.of(id)),
                    directory().mergeAccounts(List.of(changed)),
                    "changed: " + changed);
        }
        assertEquals(Merged.none(), directory().mergeAccounts(List.of()));
    }

    @Test
    void storedIdsComeInIdOrderAfterTheGivenOne() {
        Account low = fixtures().account("s" + Fixtures.token());
        Group group = fixtures().group("g" + Fixtures.token());
        List<AccountId> accounts = directory().accountIds(Optional.empty(), 100_000);
        assertEquals(
                accounts.stream().map(i -> i.value().toString()).sorted().toList(),
                accounts.stream().map(i -> i.value().toString()).toList(),
                "ids in PostgreSQL's order: their text");
        assertTrue(accounts.contains(low.id()));
        assertEquals(
                accounts.subList(1, Math.min(3, accounts.size())),
                directory().accountIds(Optional.of(accounts.get(0)), 2));
        assertEquals(
                List.of(),
                directory().accountIds(Optional.of(accounts.get(accounts.size() - 1)), 10),
                "nothing after the last");
        List<GroupId> groups = directory().groupIds(Optional.empty(), 100_000);
        assertTrue(groups.contains(group.id()));
        assertEquals(
                groups.stream().map(i -> i.value().toString()).sorted().toList(),
                groups.stream().map(i -> i.value().toString()).toList());
        assertEquals(accounts.size(), directory().accountCount());
    }

    @Test
    void removingAnAccountTakesItsAssignmentsAndAcceptancesAndSaysWhichAssignmentsEnded() {
        AccessProfile first = fixtures().storedAccessProfile("p" + Fixtures.token(), List.of(), List.of());
        AccessProfile second = fixtures().storedAccessProfile("q" + Fixtures.token(), List.of(), List.of());
        Account account = fixtures().account("s" + Fixtures.token());
        Account other = fixtures().account("t" + Fixtures.token());
        storage()
                .assignments()
                .assign(first.id(), List.of(account.id(), other.id()), "c", UserId.random(), Fixtures.NOW);
        storage().assignments().assign(second.id(), List.of(account.id()), "c", UserId.random(), Fixtures.NOW);
        DeviationAcceptance acceptance = new DeviationAcceptance(
                AcceptanceId.random(),
                account.id(),
                DeviationKey.noProfile(),
                "fine",
                Optional.empty(),
                UserId.random(),
                Fixtures.NOW);
        storage().deviationAcceptances().save(acceptance);

        List<RemovedAccount> removed =
                directory().removeAccounts(List.of(account.id(), new AccountId(UUID.randomUUID())));

        assertEquals(1, removed.size(), "only accounts that existed");
        assertEquals(Fixtures.summary(account), removed.get(0).account());
        assertEquals(Set.of(first.id(), second.id()), Set.copyOf(removed.get(0).endedAssignments()));
        assertEquals(Optional.empty(), directory().findAccount(account.id()));
        assertEquals(1, storage().assignments().countFor(first.id()));
        assertEquals(0, storage().assignments().countFor(second.id()));
        assertEquals(Optional.empty(), storage().deviationAcceptances().find(acceptance.id()));
        assertEquals(List.of(), directory().removeAccounts(List.of()));
    }

    @Test
    void aGroupNoProfileRequiresIsDeletedWhileOneAProfileRequiresIsKeptMissingAndEmptied() {
        Group unused = fixtures().group("u" + Fixtures.token());
        Group required = fixtures().group("r" + Fixtures.token());
        AccessProfile profile = fixtures().storedAccessProfile("p" + Fixtures.token(), List.of(required), List.of());
        Account member = fixtures().account("s" + Fixtures.token(), Set.of(unused.id(), required.id()), List.of());
        storage().assignments().assign(profile.id(), List.of(member.id()), "c", UserId.random(), Fixtures.NOW);
        Instant at = Fixtures.NOW.plusSeconds(60);

        List<RemovedGroup> removed = directory().removeGroups(List.of(unused.id(), required.id()), at);

        assertEquals(
                Set.of(
                        new RemovedGroup(unused, List.of(), Optional.empty()),
                        new RemovedGroup(required, List.of(profile.id()), Optional.empty())),
                Set.copyOf(removed));
        assertEquals(List.of(), directory().groups(List.of(unused.id())));
        assertEquals(List.of(required), directory().groups(List.of(required.id())), "kept for the profile");
        assertEquals(
                List.of(new DirectoryGroup(required, Optional.of(at))),
                directory()
                        .listGroups(NamePrefix.of(required.name()), PageRequest.first(10))
                        .items());
        assertEquals(Set.of(), memberships(member.id()), "nobody is a member of a missing group");
        assertEquals(
                List.of(new RemovedGroup(required, List.of(profile.id()), Optional.of(at))),
                directory().removeGroups(List.of(required.id()), at.plusSeconds(60)),
                "removed again: it was missing already, since the first time");

        assertEquals(new Merged<>(Set.of(), Set.of(required.id())), directory().mergeGroups(List.of(required)));
        assertEquals(
                List.of(new DirectoryGroup(required, Optional.empty())),
                directory()
                        .listGroups(NamePrefix.of(required.name()), PageRequest.first(10))
                        .items(),
                "back in the directory, no longer missing");
    }

    @Test
    void anAccountMergedUnchangedAfterItsGroupWasRemovedAndCameBackIsAMemberAgain() {
        Group required = fixtures().group("r" + Fixtures.token());
        AccessProfile profile = fixtures().storedAccessProfile("p" + Fixtures.token(), List.of(required), List.of());
        Account member = fixtures().account("s" + Fixtures.token(), Set.of(required.id()), List.of());
        storage().assignments().assign(profile.id(), List.of(member.id()), "c", UserId.random(), Fixtures.NOW);
        directory().removeGroups(List.of(required.id()), Fixtures.NOW);
        assertEquals(Set.of(), memberships(member.id()));

        directory().mergeGroups(List.of(required));
        assertEquals(
                new Merged<>(Set.of(), Set.of(member.id())),
                directory().mergeAccounts(List.of(member)),
                "the same account as merged before the removal: its membership is written again");
        assertEquals(Set.of(required.id()), memberships(member.id()));
    }

    @Test
    void accountsAndGroupsAreListedByNameIgnoringCaseAndNarrowedToAPrefix() {
        String token = Fixtures.token();
        Account carol = fixtures().account(token + "carol");
        Account bob = fixtures().account(token.toUpperCase(java.util.Locale.ROOT) + "Bob");
        Account alice = fixtures().account(token + "alice");
        Account alan = fixtures().account(token + "alan");
        assertEquals(
                List.of(alan, alice, bob, carol).stream().map(Fixtures::summary).toList(),
                all(1, page -> directory().listAccounts(NamePrefix.of(token), page)));
        assertEquals(
                List.of(Fixtures.summary(alan), Fixtures.summary(alice)),
                all(
                        5,
                        page -> directory()
                                .listAccounts(
                                        NamePrefix.of(" " + token.toUpperCase(java.util.Locale.ROOT) + "AL"), page)));
        assertEquals(List.of(), all(5, page -> directory().listAccounts(NamePrefix.of(token + "z"), page)));
        assertInOrderIgnoringCase(
                all(100, page -> directory().listAccounts(NamePrefix.any(), page)).stream()
                        .map(AccountSummary::samAccountName)
                        .toList(),
                "every account by samAccountName");

        Group sales = fixtures().group(token + "Sales");
        Group admins = fixtures().group(token + "admins");
        assertEquals(
                List.of(new DirectoryGroup(admins, Optional.empty()), new DirectoryGroup(sales, Optional.empty())),
                all(1, page -> directory().listGroups(NamePrefix.of(token), page)));
        assertEquals(
                List.of(new DirectoryGroup(sales, Optional.empty())),
                all(1, page -> directory().listGroups(NamePrefix.of(token + "s"), page)));
    }

    @Test
    void directoryListCursorsThisStorageDidNotIssueAreInvalid() {
        assertForeignCursorsAreRefused(2, page -> directory().listAccounts(NamePrefix.any(), page));
        assertForeignCursorsAreRefused(2, page -> directory().listGroups(NamePrefix.any(), page));
    }

    private Set<GroupId> memberships(AccountId account) {
        Set<GroupId> member = new HashSet<>();
        all(
                        10,
                        page -> storage()
                                .assignments()
                                .requiredGroups(account, page, storage().accessProfiles()))
                .stream()
                .filter(RequiredGroup::member)
                .forEach(g -> member.add(g.group().id()));
        return member;
    }

    private List<String> actualValues(AccountId account) {
        return storage().assignments().requiredAttributes(account, PageRequest.first(10)).items().stream()
                .map(RequiredAttribute::actual)
                .toList();
    }
}
