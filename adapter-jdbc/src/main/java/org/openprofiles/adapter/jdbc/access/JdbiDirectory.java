package org.openprofiles.adapter.jdbc.access;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.openprofiles.adapter.jdbc.shared.JdbiTransactions;
import org.openprofiles.domain.access.Account;
import org.openprofiles.domain.access.AccountId;
import org.openprofiles.domain.access.AccountSummary;
import org.openprofiles.domain.access.AttributeValue;
import org.openprofiles.domain.access.Directory;
import org.openprofiles.domain.access.Group;
import org.openprofiles.domain.access.GroupId;

/**
 * Directory accounts and groups, with the accounts' actual memberships and attribute values.
 * A batch of any size is written in a fixed number of set-based statements (arrays + unnest).
 */
public final class JdbiDirectory implements Directory {

    private final JdbiTransactions db;

    public JdbiDirectory(JdbiTransactions db) {
        this.db = db;
    }

    @Override
    public void upsertGroups(List<Group> groups) {
        db.withHandle(h -> h.createUpdate("""
                        INSERT INTO directory_group (id, name, distinguished_name, updated_at)
                        SELECT i, n, d, now()
                          FROM unnest(CAST(:ids AS uuid[]), CAST(:names AS text[]), CAST(:dns AS text[])) AS t (i, n, d)
                        ON CONFLICT (id) DO UPDATE
                           SET name = excluded.name, distinguished_name = excluded.distinguished_name,
                               updated_at = excluded.updated_at
                        """)
                .bindArray(
                        "ids",
                        UUID.class,
                        groups.stream().map(g -> g.id().value()).toList())
                .bindArray(
                        "names", String.class, groups.stream().map(Group::name).toList())
                .bindArray(
                        "dns",
                        String.class,
                        groups.stream().map(Group::distinguishedName).toList())
                .execute());
    }

    @Override
    public void upsertAccounts(List<Account> accounts) {
        List<UUID> ids = accounts.stream().map(a -> a.id().value()).toList();
        List<UUID> memberAccounts = new ArrayList<>();
        List<UUID> memberGroups = new ArrayList<>();
        List<UUID> attributeAccounts = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (Account account : accounts) {
            for (GroupId group : account.groups()) {
                memberAccounts.add(account.id().value());
                memberGroups.add(group.value());
            }
            for (AttributeValue attribute : account.attributes()) {
                if (!attribute.value().isEmpty()) {
                    attributeAccounts.add(account.id().value());
                    keys.add(attribute.key());
                    values.add(attribute.value());
                }
            }
        }
        db.withHandle(h -> {
            h.createUpdate("""
                            INSERT INTO directory_account (id, sam_account_name, display_name, distinguished_name,
                                                           enabled, updated_at)
                            SELECT i, s, n, d, e, now()
                              FROM unnest(CAST(:ids AS uuid[]), CAST(:sams AS text[]), CAST(:names AS text[]),
                                          CAST(:dns AS text[]), CAST(:enabled AS boolean[])) AS t (i, s, n, d, e)
                            ON CONFLICT (id) DO UPDATE
                               SET sam_account_name = excluded.sam_account_name,
                                   display_name = excluded.display_name,
                                   distinguished_name = excluded.distinguished_name,
                                   enabled = excluded.enabled, updated_at = excluded.updated_at
                            """)
                    .bindArray("ids", UUID.class, ids)
                    .bindArray(
                            "sams",
                            String.class,
                            accounts.stream().map(Account::samAccountName).toList())
                    .bindArray(
                            "names",
                            String.class,
                            accounts.stream().map(Account::displayName).toList())
                    .bindArray(
                            "dns",
                            String.class,
                            accounts.stream().map(Account::distinguishedName).toList())
                    .bindArray(
                            "enabled",
                            Boolean.class,
                            accounts.stream().map(Account::enabled).toList())
                    .execute();
            h.createUpdate("DELETE FROM account_group_membership WHERE account_id = ANY(:ids)")
                    .bindArray("ids", UUID.class, ids)
                    .execute();
            h.createUpdate("DELETE FROM account_attribute WHERE account_id = ANY(:ids)")
                    .bindArray("ids", UUID.class, ids)
                    .execute();
            if (!memberAccounts.isEmpty()) {
                h.createUpdate("""
                                INSERT INTO account_group_membership (account_id, group_id)
                                SELECT a, g FROM unnest(CAST(:accounts AS uuid[]), CAST(:groups AS uuid[])) AS t (a, g)
                                """)
                        .bindArray("accounts", UUID.class, memberAccounts)
                        .bindArray("groups", UUID.class, memberGroups)
                        .execute();
            }
            if (!attributeAccounts.isEmpty()) {
                h.createUpdate("""
                                INSERT INTO account_attribute (account_id, name, value)
                                SELECT a, k, v
                                  FROM unnest(CAST(:accounts AS uuid[]), CAST(:keys AS text[]), CAST(:values AS text[]))
                                       AS t (a, k, v)
                                """)
                        .bindArray("accounts", UUID.class, attributeAccounts)
                        .bindArray("keys", String.class, keys)
                        .bindArray("values", String.class, values)
                        .execute();
            }
            return null;
        });
    }

    @Override
    public Optional<AccountSummary> findAccount(AccountId id) {
        return db.withHandle(h -> h.createQuery("""
                        SELECT id, sam_account_name, display_name, distinguished_name, enabled
                          FROM directory_account WHERE id = :id
                        """)
                .bind("id", id.value())
                .map((rs, ctx) -> account(rs))
                .findOne());
    }

    @Override
    public Set<GroupId> unknownGroups(Collection<GroupId> ids) {
        Set<GroupId> unknown = new HashSet<>(ids);
        groups(ids).forEach(g -> unknown.remove(g.id()));
        return unknown;
    }

    @Override
    public Set<AccountId> unknownAccounts(Collection<AccountId> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        Set<AccountId> unknown = new HashSet<>(ids);
        db.withHandle(h -> h.createQuery("SELECT id FROM directory_account WHERE id = ANY(:ids)")
                        .bindArray(
                                "ids",
                                UUID.class,
                                ids.stream().map(AccountId::value).toList())
                        .map((rs, ctx) -> new AccountId(rs.getObject("id", UUID.class)))
                        .list())
                .forEach(unknown::remove);
        return unknown;
    }

    @Override
    public List<Group> groups(Collection<GroupId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return db.withHandle(
                h -> h.createQuery("SELECT id, name, distinguished_name FROM directory_group WHERE id = ANY(:ids)")
                        .bindArray(
                                "ids",
                                UUID.class,
                                ids.stream().map(GroupId::value).distinct().toList())
                        .map((rs, ctx) -> group(rs))
                        .list());
    }

    static Group group(ResultSet rs) throws SQLException {
        return new Group(
                new GroupId(rs.getObject("id", UUID.class)), rs.getString("name"), rs.getString("distinguished_name"));
    }

    static AccountSummary account(ResultSet rs) throws SQLException {
        return new AccountSummary(
                new AccountId(rs.getObject("id", UUID.class)),
                rs.getString("sam_account_name"),
                rs.getString("display_name"),
                rs.getString("distinguished_name"),
                rs.getBoolean("enabled"));
    }
}
