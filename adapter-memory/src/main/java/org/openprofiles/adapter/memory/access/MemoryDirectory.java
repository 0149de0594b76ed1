package org.openprofiles.adapter.memory.access;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.openprofiles.adapter.memory.access.AccessTables.AccountRow;
import org.openprofiles.adapter.memory.access.AccessTables.AssignmentKey;
import org.openprofiles.adapter.memory.access.AccessTables.AssignmentRow;
import org.openprofiles.adapter.memory.access.MemoryAssignments.AccountKey;
import org.openprofiles.adapter.memory.shared.Listing;
import org.openprofiles.adapter.memory.shared.MemoryCursors;
import org.openprofiles.application.shared.ChangeFeed;
import org.openprofiles.domain.access.AccessProfile;
import org.openprofiles.domain.access.AccessProfileId;
import org.openprofiles.domain.access.Account;
import org.openprofiles.domain.access.AccountId;
import org.openprofiles.domain.access.AccountSummary;
import org.openprofiles.domain.access.AttributeValue;
import org.openprofiles.domain.access.Directory;
import org.openprofiles.domain.access.DirectoryGroup;
import org.openprofiles.domain.access.Group;
import org.openprofiles.domain.access.GroupId;
import org.openprofiles.domain.access.Merged;
import org.openprofiles.domain.access.NamePrefix;
import org.openprofiles.domain.access.RemovedAccount;
import org.openprofiles.domain.access.RemovedGroup;
import org.openprofiles.domain.shared.Page;
import org.openprofiles.domain.shared.PageRequest;

/** Directory groups and accounts, each replaced whole by id; an empty attribute value is no value. */
final class MemoryDirectory implements Directory {

    /** The order of groups: name ignoring case, then id. */
    private record GroupKey(String name, UUID id) {
        static final Comparator<GroupKey> ORDER =
                Comparator.comparing(GroupKey::name).thenComparing(GroupKey::id, Listing.IDS);

        static GroupKey of(Group group) {
            return new GroupKey(Listing.lower(group.name()), group.id().value());
        }
    }

    private final AccessTables tables;

    MemoryDirectory(AccessTables tables) {
        this.tables = tables;
    }

    @Override
    public Merged<GroupId> mergeGroups(List<Group> groups) {
        return tables.transactions.write(() -> {
            Set<GroupId> added = new HashSet<>();
            Set<GroupId> changed = new HashSet<>();
            for (Group group : groups) {
                Optional<Group> stored = tables.groups.get(group.id());
                boolean missing = tables.missingGroups.contains(group.id());
                if (stored.isEmpty()) {
                    added.add(group.id());
                } else if (!stored.get().equals(group) || missing) {
                    changed.add(group.id());
                    tables.transactions.changed(new ChangeFeed.Change(
                            ChangeFeed.Topic.DIRECTORY_GROUP, group.id().value()));
                }
                tables.groups.put(group.id(), group);
                tables.missingGroups.remove(group.id());
            }
            return new Merged<>(added, changed);
        });
    }

    @Override
    public Merged<AccountId> mergeAccounts(List<Account> accounts) {
        return tables.transactions.write(() -> {
            Set<AccountId> added = new HashSet<>();
            Set<AccountId> changed = new HashSet<>();
            for (Account account : accounts) {
                Map<String, String> attributes = new LinkedHashMap<>();
                for (AttributeValue value : account.attributes()) {
                    if (!value.value().isEmpty()) {
                        attributes.put(value.key(), value.value());
                    }
                }
                AccountRow row = new AccountRow(
                        new AccountSummary(
                                account.id(),
                                account.samAccountName(),
                                account.displayName(),
                                account.distinguishedName(),
                                account.enabled()),
                        Set.copyOf(account.groups()),
                        Map.copyOf(attributes));
                Optional<AccountRow> stored = tables.accounts.get(account.id());
                if (stored.isEmpty()) {
                    added.add(account.id());
                } else if (!stored.get().equals(row)) {
                    changed.add(account.id());
                }
                tables.accounts.put(account.id(), row);
            }
            return new Merged<>(added, changed);
        });
    }

    @Override
    public Optional<AccountSummary> findAccount(AccountId id) {
        return tables.transactions.read(() -> tables.accounts.get(id).map(AccountRow::summary));
    }

    @Override
    public Set<GroupId> unknownGroups(Collection<GroupId> ids) {
        return tables.transactions.read(
                () -> ids.stream().filter(id -> !tables.groups.contains(id)).collect(Collectors.toSet()));
    }

    @Override
    public Set<AccountId> unknownAccounts(Collection<AccountId> ids) {
        return tables.transactions.read(
                () -> ids.stream().filter(id -> !tables.accounts.contains(id)).collect(Collectors.toSet()));
    }

    @Override
    public List<Group> groups(Collection<GroupId> ids) {
        return tables.transactions.read(() -> tables.groups.rowsOf(ids));
    }

    @Override
    public long accountCount() {
        return tables.transactions.read(() -> (long) tables.accounts.rows().size());
    }

    @Override
    public List<AccountId> accountIds(Optional<AccountId> after, int limit) {
        return tables.transactions.read(() -> idsAfter(
                tables.accounts.rows().stream().map(a -> a.summary().id()).toList(), AccountId::value, after, limit));
    }

    @Override
    public List<GroupId> groupIds(Optional<GroupId> after, int limit) {
        return tables.transactions.read(
                () -> idsAfter(tables.groups.rows().stream().map(Group::id).toList(), GroupId::value, after, limit));
    }

    private static <I> List<I> idsAfter(List<I> ids, Function<I, UUID> uuid, Optional<I> after, int limit) {
        return ids.stream()
                .filter(id -> after.map(a -> Listing.IDS.compare(uuid.apply(id), uuid.apply(a)) > 0)
                        .orElse(true))
                .sorted(Comparator.comparing(uuid, Listing.IDS))
                .limit(limit)
                .toList();
    }

    @Override
    public List<RemovedAccount> removeAccounts(Collection<AccountId> ids) {
        return tables.transactions.write(() -> {
            List<RemovedAccount> removed = new ArrayList<>();
            for (AccountId id : new LinkedHashSet<>(ids)) {
                Optional<AccountRow> stored = tables.accounts.get(id);
                if (stored.isEmpty()) {
                    continue;
                }
                List<AccessProfileId> ended = tables.assignmentsOf(id).stream()
                        .map(AssignmentRow::profile)
                        .sorted(Comparator.comparing(AccessProfileId::value, Listing.IDS))
                        .toList();
                ended.forEach(profile -> tables.assignments.remove(new AssignmentKey(id, profile)));
                tables.removeAcceptances(a -> a.account().equals(id));
                tables.accounts.remove(id);
                removed.add(new RemovedAccount(stored.get().summary(), ended));
            }
            return removed;
        });
    }

    @Override
    public List<RemovedGroup> removeGroups(Collection<GroupId> ids, Instant at) {
        return tables.transactions.write(() -> {
            List<RemovedGroup> removed = new ArrayList<>();
            for (GroupId id : new LinkedHashSet<>(ids)) {
                Optional<Group> stored = tables.groups.get(id);
                if (stored.isEmpty()) {
                    continue;
                }
                List<AccessProfileId> requiredBy = tables.profiles.rows().stream()
                        .filter(p -> p.groups().stream().anyMatch(g -> g.id().equals(id)))
                        .map(AccessProfile::id)
                        .sorted(Comparator.comparing(AccessProfileId::value, Listing.IDS))
                        .toList();
                Optional<Instant> missingBefore = tables.missingGroups.get(id);
                if (requiredBy.isEmpty()) {
                    tables.groups.remove(id);
                    tables.missingGroups.remove(id);
                } else if (missingBefore.isEmpty()) {
                    tables.missingGroups.put(id, at);
                }
                // Deleted or kept, the group has no members any more.
                for (AccountRow account : tables.accounts.rows()) {
                    if (account.groups().contains(id)) {
                        Set<GroupId> left = new HashSet<>(account.groups());
                        left.remove(id);
                        tables.accounts.put(
                                account.summary().id(),
                                new AccountRow(account.summary(), Set.copyOf(left), account.attributes()));
                    }
                }
                removed.add(new RemovedGroup(stored.get(), requiredBy, missingBefore));
            }
            return removed;
        });
    }

    @Override
    public Page<AccountSummary> listAccounts(NamePrefix name, PageRequest page) {
        Optional<AccountKey> after = page.cursor().map(AccountKey::after);
        return tables.transactions.read(() -> Listing.page(
                        tables.accounts.rows().stream()
                                .filter(a -> name.matches(a.summary().samAccountName()))
                                .toList(),
                        AccountKey::of,
                        AccountKey.ORDER,
                        after,
                        page,
                        AccountKey::cursorOf)
                .map(AccountRow::summary));
    }

    @Override
    public Page<DirectoryGroup> listGroups(NamePrefix name, PageRequest page) {
        Optional<GroupKey> after = page.cursor().map(c -> {
            List<String> parts = MemoryCursors.decode(c, 2);
            return new GroupKey(Listing.lower(parts.get(0)), MemoryCursors.uuid(parts.get(1)));
        });
        return tables.transactions.read(() -> Listing.page(
                        tables.groups.rows().stream()
                                .filter(g -> name.matches(g.name()))
                                .toList(),
                        GroupKey::of,
                        GroupKey.ORDER,
                        after,
                        page,
                        g -> MemoryCursors.encode(g.name(), g.id().toString()))
                .map(g -> new DirectoryGroup(g, tables.missingGroups.get(g.id()))));
    }
}
