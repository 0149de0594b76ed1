package org.openprofiles.adapter.jdbc.access;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.openprofiles.adapter.jdbc.shared.JdbiTransactions;
import org.openprofiles.application.shared.ChangeFeed;
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
import org.openprofiles.domain.shared.Keyset;
import org.openprofiles.domain.shared.Page;
import org.openprofiles.domain.shared.PageRequest;
import org.postgresql.PGConnection;

/**
 * Directory accounts and groups, with the accounts' actual memberships and attribute values.
 * A batch of any size is written in a fixed number of set-based statements (arrays + unnest): a
 * merge writes only what differs (an unchanged account costs one comparison, no row version), and
 * its {@code RETURNING} clauses tell which rows were new or changed.
 */
public final class JdbiDirectory implements Directory {

    /** After the last character of any name in byte order: a prefix's range ends before {@code prefix + this}. */
    private static final String AFTER_EVERY_CHARACTER = new String(Character.toChars(Character.MAX_CODE_POINT));

    private final JdbiTransactions db;

    public JdbiDirectory(JdbiTransactions db) {
        this.db = db;
    }

    @Override
    public Merged<GroupId> mergeGroups(List<Group> groups) {
        if (groups.isEmpty()) {
            return Merged.none();
        }
        Set<GroupId> added = new HashSet<>();
        Set<GroupId> changed = new HashSet<>();
        db.withHandle(h -> h.createQuery("""
                        INSERT INTO directory_group AS g (id, name, distinguished_name, updated_at)
                        SELECT i, n, d, now()
                          FROM unnest(CAST(:ids AS uuid[]), CAST(:names AS text[]), CAST(:dns AS text[])) AS t (i, n, d)
                        ON CONFLICT (id) DO UPDATE
                           SET name = excluded.name, distinguished_name = excluded.distinguished_name,
                               updated_at = excluded.updated_at, missing_since = NULL
                         WHERE (g.name, g.distinguished_name) IS DISTINCT FROM (excluded.name, excluded.distinguished_name)
                            OR g.missing_since IS NOT NULL
                        RETURNING g.id, (g.xmax = 0) AS inserted
                        """)
                        .bindArray(
                                "ids",
                                UUID.class,
                                groups.stream().map(g -> g.id().value()).toList())
                        .bindArray(
                                "names",
                                String.class,
                                groups.stream().map(Group::name).toList())
                        .bindArray(
                                "dns",
                                String.class,
                                groups.stream().map(Group::distinguishedName).toList())
                        .map((rs, ctx) ->
                                Map.entry(new GroupId(rs.getObject("id", UUID.class)), rs.getBoolean("inserted")))
                        .list())
                .forEach(row -> (row.getValue() ? added : changed).add(row.getKey()));
        // Access profiles show their groups' names: cached ones drop a renamed group at commit.
        changed.forEach(id -> db.changed(new ChangeFeed.Change(ChangeFeed.Topic.DIRECTORY_GROUP, id.value())));
        return new Merged<>(added, changed);
    }

    @Override
    public Merged<AccountId> mergeAccounts(List<Account> accounts) {
        if (accounts.isEmpty()) {
            return Merged.none();
        }
        List<UUID> ids = accounts.stream().map(a -> a.id().value()).toList();
        Set<AccountId> added = new HashSet<>();
        Set<AccountId> changed = new HashSet<>();
        Set<AccountId> contentChanged = new HashSet<>();
        db.withHandle(h -> {
            // One row back per account written: inserted, its own fields changed, or its memberships
            // and values (their digest) changed. An account whose digest is as stored is not diffed
            // at all: an unchanged directory costs one comparison per account.
            h.createQuery("""
                            WITH input (i, s, n, d, e, c) AS (
                                     SELECT * FROM unnest(CAST(:ids AS uuid[]), CAST(:sams AS text[]),
                                                          CAST(:names AS text[]), CAST(:dns AS text[]),
                                                          CAST(:enabled AS boolean[]), CAST(:digests AS bigint[]))),
                                 stored AS (
                                     SELECT a.id, a.sam_account_name, a.display_name, a.distinguished_name, a.enabled,
                                            a.content_digest
                                       FROM directory_account a WHERE a.id = ANY(CAST(:ids AS uuid[]))),
                                 written AS (
                                     INSERT INTO directory_account AS a (id, sam_account_name, display_name,
                                                                         distinguished_name, enabled, content_digest,
                                                                         updated_at)
                                     SELECT i, s, n, d, e, c, now() FROM input
                                     ON CONFLICT (id) DO UPDATE
                                        SET sam_account_name = excluded.sam_account_name,
                                            display_name = excluded.display_name,
                                            distinguished_name = excluded.distinguished_name,
                                            enabled = excluded.enabled, content_digest = excluded.content_digest,
                                            updated_at = excluded.updated_at
                                      WHERE (a.sam_account_name, a.display_name, a.distinguished_name, a.enabled,
                                             a.content_digest)
                                            IS DISTINCT FROM (excluded.sam_account_name, excluded.display_name,
                                                              excluded.distinguished_name, excluded.enabled,
                                                              excluded.content_digest)
                                     RETURNING a.id, (a.xmax = 0) AS inserted)
                            SELECT w.id, w.inserted,
                                   (x.sam_account_name, x.display_name, x.distinguished_name, x.enabled)
                                       IS DISTINCT FROM (i.s, i.n, i.d, i.e) AS fields_changed,
                                   x.content_digest IS DISTINCT FROM i.c AS content_changed
                              FROM written w
                              JOIN input i ON i.i = w.id
                              LEFT JOIN stored x ON x.id = w.id
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
                    .bindArray(
                            "digests",
                            Long.class,
                            accounts.stream().map(JdbiDirectory::contentDigest).toList())
                    .map((rs, ctx) -> {
                        AccountId id = new AccountId(rs.getObject("id", UUID.class));
                        if (rs.getBoolean("inserted")) {
                            added.add(id);
                        } else {
                            if (rs.getBoolean("fields_changed")) {
                                changed.add(id);
                            }
                            if (rs.getBoolean("content_changed")) {
                                contentChanged.add(id);
                            }
                        }
                        return id;
                    })
                    .list();
            // Accounts just inserted have no memberships or values yet: theirs are plainly inserted.
            // Those of the others whose digest changed are diffed against what is stored.
            Rows fresh = Rows.of(
                    accounts.stream().filter(a -> added.contains(a.id())).toList());
            Rows existing = Rows.of(accounts.stream()
                    .filter(a -> contentChanged.contains(a.id()))
                    .toList());
            if (fresh.memberAccounts().length > 0) {
                copyMemberships(h, fresh);
            }
            if (fresh.attributeAccounts().length > 0) {
                h.createUpdate("""
                                INSERT INTO account_attribute (account_id, name, value)
                                SELECT (CAST(:ids AS uuid[]))[a], k, v
                                  FROM unnest(CAST(:accounts AS int[]), CAST(:keys AS text[]),
                                              CAST(:values AS text[])) AS t (a, k, v)
                                """)
                        .bindArray("ids", UUID.class, fresh.ids())
                        .bind("accounts", ints(fresh.attributeAccounts()))
                        .bindArray("keys", String.class, fresh.keys())
                        .bindArray("values", String.class, fresh.values())
                        .execute();
            }
            if (!existing.ids().isEmpty()) {
                // Memberships and values: only the difference is written (EXCEPT hashes both sides), and
                // each statement answers the accounts it touched.
                h.createQuery("""
                                WITH wanted (account_id, group_id) AS (
                                         SELECT (CAST(:ids AS uuid[]))[a], (CAST(:groups AS uuid[]))[g]
                                           FROM unnest(CAST(:accounts AS int[]), CAST(:memberGroups AS int[]))
                                                AS t (a, g)),
                                     stored AS (
                                         SELECT account_id, group_id FROM account_group_membership
                                          WHERE account_id = ANY(CAST(:ids AS uuid[]))),
                                     gone AS (
                                         DELETE FROM account_group_membership m
                                          USING (SELECT * FROM stored EXCEPT SELECT * FROM wanted) x
                                          WHERE m.account_id = x.account_id AND m.group_id = x.group_id
                                         RETURNING m.account_id),
                                     put AS (
                                         INSERT INTO account_group_membership (account_id, group_id)
                                         SELECT * FROM (SELECT * FROM wanted EXCEPT SELECT * FROM stored) n
                                         ON CONFLICT DO NOTHING
                                         RETURNING account_id)
                                SELECT account_id FROM gone UNION SELECT account_id FROM put
                                """)
                        .bindArray("ids", UUID.class, existing.ids())
                        .bindArray("groups", UUID.class, existing.groups())
                        .bind("accounts", ints(existing.memberAccounts()))
                        .bind("memberGroups", ints(existing.memberGroups()))
                        .map((rs, ctx) -> new AccountId(rs.getObject("account_id", UUID.class)))
                        .forEach(changed::add);
                h.createQuery("""
                                WITH wanted (account_id, name, value) AS (
                                         SELECT (CAST(:ids AS uuid[]))[a], k, v
                                           FROM unnest(CAST(:accounts AS int[]), CAST(:keys AS text[]),
                                                       CAST(:values AS text[])) AS t (a, k, v)),
                                     stored AS (
                                         SELECT account_id, name, value FROM account_attribute
                                          WHERE account_id = ANY(CAST(:ids AS uuid[]))),
                                     gone AS (
                                         DELETE FROM account_attribute x
                                          USING (SELECT account_id, name FROM stored
                                                 EXCEPT SELECT account_id, name FROM wanted) g
                                          WHERE x.account_id = g.account_id AND x.name = g.name
                                         RETURNING x.account_id),
                                     put AS (
                                         INSERT INTO account_attribute AS x (account_id, name, value)
                                         SELECT * FROM (SELECT * FROM wanted EXCEPT SELECT * FROM stored) n
                                         ON CONFLICT (account_id, name) DO UPDATE SET value = excluded.value
                                         RETURNING x.account_id)
                                SELECT account_id FROM gone UNION SELECT account_id FROM put
                                """)
                        .bindArray("ids", UUID.class, existing.ids())
                        .bind("accounts", ints(existing.attributeAccounts()))
                        .bindArray("keys", String.class, existing.keys())
                        .bindArray("values", String.class, existing.values())
                        .map((rs, ctx) -> new AccountId(rs.getObject("account_id", UUID.class)))
                        .forEach(changed::add);
            }
            return null;
        });
        changed.removeAll(added);
        return new Merged<>(added, changed);
    }

    /**
     * The rows of a batch of accounts: their ids, the distinct groups they are in, memberships as
     * pairs of 1-based positions in those two lists, and (non-empty) values with the position of
     * their account. Positions travel as int arrays, which the driver sends in binary; a uuid array
     * goes as text, and sending every membership's two ids that way cost most of a merge's time.
     */
    private record Rows(
            List<UUID> ids,
            List<UUID> groups,
            int[] memberAccounts,
            int[] memberGroups,
            int[] attributeAccounts,
            List<String> keys,
            List<String> values) {

        static Rows of(List<Account> accounts) {
            List<UUID> ids = new ArrayList<>(accounts.size());
            Map<GroupId, Integer> groupPositions = new HashMap<>();
            List<UUID> groups = new ArrayList<>();
            int memberships = 0;
            for (Account account : accounts) {
                memberships += account.groups().size();
            }
            int[] memberAccounts = new int[memberships];
            int[] memberGroups = new int[memberships];
            IntList attributeAccounts = new IntList();
            List<String> keys = new ArrayList<>();
            List<String> values = new ArrayList<>();
            int m = 0;
            for (Account account : accounts) {
                ids.add(account.id().value());
                int position = ids.size();
                for (GroupId group : account.groups()) {
                    Integer g = groupPositions.get(group);
                    if (g == null) {
                        groups.add(group.value());
                        g = groups.size();
                        groupPositions.put(group, g);
                    }
                    memberAccounts[m] = position;
                    memberGroups[m] = g;
                    m++;
                }
                for (AttributeValue attribute : account.attributes()) {
                    if (!attribute.value().isEmpty()) {
                        attributeAccounts.add(position);
                        keys.add(attribute.key());
                        values.add(attribute.value());
                    }
                }
            }
            return new Rows(ids, groups, memberAccounts, memberGroups, attributeAccounts.toArray(), keys, values);
        }
    }

    /**
     * A digest of an account's memberships and non-empty values, independent of their order: the
     * sum of a 64-bit mix of each. Equal digests stand for equal rows (a chance difference hiding
     * among 2^64 is negligible); removing a group's memberships by other means clears the digests
     * of its members, so the next merge diffs them.
     */
    static long contentDigest(Account account) {
        long sum = 0;
        for (GroupId group : account.groups()) {
            UUID id = group.value();
            sum += mix(mix(id.getMostSignificantBits()) ^ id.getLeastSignificantBits());
        }
        for (AttributeValue attribute : account.attributes()) {
            if (!attribute.value().isEmpty()) {
                sum += mix(mix(text(attribute.key()) ^ 0x5bd1e995L) ^ text(attribute.value()));
            }
        }
        return mix(sum + account.groups().size());
    }

    /** The finaliser of SplitMix64: every input bit changes about half the output bits. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    private static long text(String value) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < value.length(); i++) {
            h = (h ^ value.charAt(i)) * 0x100000001b3L;
        }
        return mix(h);
    }

    /**
     * Inserts the memberships of accounts just inserted with {@code COPY} in binary: the bulk of a
     * first sync (40 rows per account), and COPY writes its rows in batches where an INSERT writes
     * and logs them one at a time. Rows of one account come together, so the primary key's index is
     * filled one neighbourhood at a time.
     */
    private static void copyMemberships(Handle h, Rows rows) {
        int count = rows.memberAccounts().length;
        ByteBuffer out = ByteBuffer.allocate(COPY_HEADER.length + 4 + 4 + count * (2 + 2 * (4 + 16)) + 2);
        out.put(COPY_HEADER).putInt(0).putInt(0);
        for (int i = 0; i < count; i++) {
            UUID account = rows.ids().get(rows.memberAccounts()[i] - 1);
            UUID group = rows.groups().get(rows.memberGroups()[i] - 1);
            out.putShort((short) 2);
            out.putInt(16).putLong(account.getMostSignificantBits()).putLong(account.getLeastSignificantBits());
            out.putInt(16).putLong(group.getMostSignificantBits()).putLong(group.getLeastSignificantBits());
        }
        out.putShort((short) -1);
        try {
            h.getConnection()
                    .unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn(
                            "COPY account_group_membership (account_id, group_id) FROM STDIN (FORMAT binary)",
                            new ByteArrayInputStream(out.array(), 0, out.position()));
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException("copying memberships in", e, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The signature that opens PostgreSQL's binary COPY format. */
    private static final byte[] COPY_HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0};

    /** Binds an int array as it is: the driver sends it in binary as int4[]. */
    private static Argument ints(int[] values) {
        return (position, statement, ctx) -> statement.setObject(position, values);
    }

    /** A growing list of ints without boxing. */
    private static final class IntList {
        private int[] items = new int[64];
        private int size;

        void add(int item) {
            if (size == items.length) {
                items = Arrays.copyOf(items, size * 2);
            }
            items[size++] = item;
        }

        int[] toArray() {
            return Arrays.copyOf(items, size);
        }
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

    @Override
    public long accountCount() {
        return db.withHandle(h -> h.createQuery("SELECT count(*) FROM directory_account")
                .mapTo(Long.class)
                .one());
    }

    @Override
    public List<AccountId> accountIds(Optional<AccountId> after, int limit) {
        return ids("directory_account", after.map(AccountId::value), limit, AccountId::new);
    }

    @Override
    public List<GroupId> groupIds(Optional<GroupId> after, int limit) {
        return ids("directory_group", after.map(GroupId::value), limit, GroupId::new);
    }

    /** Ids of one table in primary-key order; {@code table} is one of two constants. */
    private <I> List<I> ids(String table, Optional<UUID> after, int limit, Function<UUID, I> id) {
        return db.withHandle(h -> h.createQuery("""
                        SELECT id FROM <table>
                         WHERE CAST(:after AS uuid) IS NULL OR id > CAST(:after AS uuid)
                         ORDER BY id LIMIT :limit
                        """)
                .define("table", table)
                .bind("after", after.orElse(null))
                .bind("limit", limit)
                .map((rs, ctx) -> id.apply(rs.getObject("id", UUID.class)))
                .list());
    }

    @Override
    public List<RemovedAccount> removeAccounts(Collection<AccountId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<UUID> given = ids.stream().map(AccountId::value).distinct().toList();
        return db.withHandle(h -> {
            Map<UUID, List<AccessProfileId>> assigned = new HashMap<>();
            h.createQuery("""
                            SELECT account_id, profile_id FROM profile_assignment
                             WHERE account_id = ANY(:ids) ORDER BY account_id, profile_id
                            """)
                    .bindArray("ids", UUID.class, given)
                    .map((rs, ctx) -> Map.entry(
                            rs.getObject("account_id", UUID.class),
                            new AccessProfileId(rs.getObject("profile_id", UUID.class))))
                    .forEach(e -> assigned.computeIfAbsent(e.getKey(), k -> new ArrayList<>())
                            .add(e.getValue()));
            // Memberships and values have no foreign key (V40): they go explicitly.
            h.createUpdate("DELETE FROM account_group_membership WHERE account_id = ANY(:ids)")
                    .bindArray("ids", UUID.class, given)
                    .execute();
            h.createUpdate("DELETE FROM account_attribute WHERE account_id = ANY(:ids)")
                    .bindArray("ids", UUID.class, given)
                    .execute();
            return h.createQuery("""
                            DELETE FROM directory_account WHERE id = ANY(:ids)
                            RETURNING id, sam_account_name, display_name, distinguished_name, enabled
                            """).bindArray("ids", UUID.class, given).map((rs, ctx) -> account(rs)).list().stream()
                    .map(a -> new RemovedAccount(a, assigned.getOrDefault(a.id().value(), List.of())))
                    .toList();
        });
    }

    @Override
    public List<RemovedGroup> removeGroups(Collection<GroupId> ids, Instant at) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<UUID> given = ids.stream().map(GroupId::value).distinct().toList();
        return db.withHandle(h -> {
            List<RemovedGroup> found = h.createQuery("""
                            SELECT g.id, g.name, g.distinguished_name, g.missing_since,
                                   array_remove(array_agg(pg.profile_id ORDER BY pg.profile_id), NULL) AS required_by
                              FROM directory_group g
                              LEFT JOIN access_profile_group pg ON pg.group_id = g.id
                             WHERE g.id = ANY(:ids)
                             GROUP BY g.id
                            """)
                    .bindArray("ids", UUID.class, given)
                    .map((rs, ctx) -> new RemovedGroup(
                            group(rs),
                            profileIds(rs),
                            Optional.ofNullable(rs.getObject("missing_since", OffsetDateTime.class))
                                    .map(OffsetDateTime::toInstant)))
                    .list();
            List<UUID> deleted = found.stream()
                    .filter(r -> !r.kept())
                    .map(r -> r.group().id().value())
                    .toList();
            List<UUID> kept = found.stream()
                    .filter(RemovedGroup::kept)
                    .map(r -> r.group().id().value())
                    .toList();
            if (!deleted.isEmpty()) {
                h.createUpdate("DELETE FROM directory_group WHERE id = ANY(:ids)")
                        .bindArray("ids", UUID.class, deleted)
                        .execute();
            }
            if (!kept.isEmpty()) {
                h.createUpdate(
                                "UPDATE directory_group SET missing_since = COALESCE(missing_since, :at) WHERE id = ANY(:ids)")
                        .bind("at", at)
                        .bindArray("ids", UUID.class, kept)
                        .execute();
            }
            // Deleted or kept, the group has no members any more (no foreign key since V40); its
            // members' stored digests no longer describe their rows, so the next merge diffs them.
            h.createUpdate("""
                            WITH gone AS (
                                     DELETE FROM account_group_membership WHERE group_id = ANY(:ids)
                                     RETURNING account_id)
                            UPDATE directory_account SET content_digest = NULL
                             WHERE id IN (SELECT account_id FROM gone)
                            """)
                    .bindArray(
                            "ids",
                            UUID.class,
                            found.stream().map(r -> r.group().id().value()).toList())
                    .execute();
            return found;
        });
    }

    private static List<AccessProfileId> profileIds(ResultSet rs) throws SQLException {
        List<AccessProfileId> profiles = new ArrayList<>();
        for (Object id : (Object[]) rs.getArray("required_by").getArray()) {
            profiles.add(new AccessProfileId((UUID) id));
        }
        return profiles;
    }

    @Override
    public Page<AccountSummary> listAccounts(NamePrefix name, PageRequest page) {
        return db.withHandle(h -> {
            Optional<List<String>> after = page.cursor().map(c -> db.cursors().decode(c, 2));
            List<AccountSummary> rows = byNamePrefix(
                            h,
                            "SELECT id, sam_account_name, display_name, distinguished_name, enabled FROM directory_account",
                            "lower(sam_account_name) COLLATE \"C\"",
                            name,
                            after,
                            page)
                    .map((rs, ctx) -> account(rs))
                    .list();
            return Keyset.page(
                    rows,
                    page.limit(),
                    last -> db.cursors().encode(last.samAccountName(), last.id().toString()));
        });
    }

    @Override
    public Page<DirectoryGroup> listGroups(NamePrefix name, PageRequest page) {
        return db.withHandle(h -> {
            Optional<List<String>> after = page.cursor().map(c -> db.cursors().decode(c, 2));
            List<DirectoryGroup> rows = byNamePrefix(
                            h,
                            "SELECT id, name, distinguished_name, missing_since FROM directory_group",
                            "lower(name) COLLATE \"C\"",
                            name,
                            after,
                            page)
                    .map((rs, ctx) -> new DirectoryGroup(
                            group(rs),
                            Optional.ofNullable(rs.getObject("missing_since", OffsetDateTime.class))
                                    .map(OffsetDateTime::toInstant)))
                    .list();
            return Keyset.page(
                    rows,
                    page.limit(),
                    last -> db.cursors()
                            .encode(last.group().name(), last.group().id().toString()));
        });
    }

    /**
     * A page of rows ordered by {@code key} (a lower-cased name in byte order, as the prefix index
     * holds it) and id, after the cursor's key, narrowed to names starting with the prefix: the
     * range condition walks the index, {@code starts_with} keeps it exact. The conditions are chosen
     * as constant texts (not {@code :x IS NULL OR …}), so that even a generic plan starts the index
     * scan at the prefix or the cursor instead of filtering the rows before it.
     */
    private static org.jdbi.v3.core.statement.Query byNamePrefix(
            Handle h, String select, String key, NamePrefix name, Optional<List<String>> after, PageRequest page) {
        List<String> conditions = new ArrayList<>();
        if (name.lowerCase().isPresent()) {
            conditions.add(
                    "<key> >= CAST(:prefix AS text) COLLATE \"C\" AND <key> < CAST(:prefixEnd AS text) COLLATE \"C\""
                            + " AND starts_with(<key>, CAST(:prefix AS text))");
        }
        if (after.isPresent()) {
            conditions.add("(<key>, id) > (lower(CAST(:afterName AS text)) COLLATE \"C\", CAST(:afterId AS uuid))");
        }
        return h.createQuery("""
                        <select>
                         WHERE <conditions>
                         ORDER BY <key>, id
                         LIMIT :limit
                        """)
                .define("select", select)
                .define(
                        "conditions",
                        conditions.isEmpty()
                                ? "true"
                                : String.join(" AND ", conditions).replace("<key>", key))
                .define("key", key)
                .bind("prefix", name.lowerCase().orElse(null))
                .bind(
                        "prefixEnd",
                        name.lowerCase().map(p -> p + AFTER_EVERY_CHARACTER).orElse(null))
                .bind("afterName", after.map(a -> a.get(0)).orElse(null))
                .bind("afterId", after.map(a -> UUID.fromString(a.get(1))).orElse(null))
                .bind("limit", page.limit() + 1);
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
