package org.openprofiles.adapter.memory.access;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.openprofiles.adapter.memory.access.AccessTables.AccountRow;
import org.openprofiles.domain.access.Account;
import org.openprofiles.domain.access.AccountId;
import org.openprofiles.domain.access.AccountSummary;
import org.openprofiles.domain.access.AttributeValue;
import org.openprofiles.domain.access.Directory;
import org.openprofiles.domain.access.Group;
import org.openprofiles.domain.access.GroupId;

/** Directory groups and accounts, each replaced whole by id; an empty attribute value is no value. */
final class MemoryDirectory implements Directory {

    private final AccessTables tables;

    MemoryDirectory(AccessTables tables) {
        this.tables = tables;
    }

    @Override
    public void upsertGroups(List<Group> groups) {
        tables.transactions.write(() -> {
            groups.forEach(g -> tables.groups.put(g.id(), g));
            return null;
        });
    }

    @Override
    public void upsertAccounts(List<Account> accounts) {
        tables.transactions.write(() -> {
            for (Account account : accounts) {
                Map<String, String> attributes = new LinkedHashMap<>();
                for (AttributeValue value : account.attributes()) {
                    if (!value.value().isEmpty()) {
                        attributes.put(value.key(), value.value());
                    }
                }
                tables.accounts.put(
                        account.id(),
                        new AccountRow(
                                new AccountSummary(
                                        account.id(),
                                        account.samAccountName(),
                                        account.displayName(),
                                        account.distinguishedName(),
                                        account.enabled()),
                                account.groups(),
                                Map.copyOf(attributes)));
            }
            return null;
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
}
