package org.openprofiles.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openprofiles.domain.access.AccessProfile;
import org.openprofiles.domain.access.Account;
import org.openprofiles.domain.access.AccountId;
import org.openprofiles.domain.access.AccountSummary;
import org.openprofiles.domain.access.AttributeDefinition;
import org.openprofiles.domain.access.AttributeValue;
import org.openprofiles.domain.access.Directory;
import org.openprofiles.domain.access.Group;
import org.openprofiles.domain.access.GroupId;
import org.openprofiles.domain.access.RequiredAttribute;
import org.openprofiles.domain.access.RequiredGroup;
import org.openprofiles.domain.security.UserId;
import org.openprofiles.domain.shared.PageRequest;

/**
 * The contract of {@link Directory}: groups and accounts are inserted or replaced by id, an
 * account's memberships and attribute values are replaced with it (seen through what its profiles
 * require), and the known and unknown ids among a batch are told apart.
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
        directory().upsertGroups(List.of(renamed));
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
        directory().upsertAccounts(List.of(changed));
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
                .upsertAccounts(List.of(new Account(
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
        directory().upsertAccounts(batch);
        assertEquals(
                Set.of(),
                directory().unknownAccounts(batch.stream().map(Account::id).toList()));
        assertEquals(
                false, directory().findAccount(batch.get(1).id()).orElseThrow().enabled());
    }

    private Set<GroupId> memberships(AccountId account) {
        Set<GroupId> member = new HashSet<>();
        all(10, page -> storage().assignments().requiredGroups(account, page)).stream()
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
