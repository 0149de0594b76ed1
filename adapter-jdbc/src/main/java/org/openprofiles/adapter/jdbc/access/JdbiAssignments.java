package org.openprofiles.adapter.jdbc.access;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.openprofiles.adapter.jdbc.shared.JdbiTransactions;
import org.openprofiles.domain.access.AccessProfile;
import org.openprofiles.domain.access.AccessProfileId;
import org.openprofiles.domain.access.AccessProfiles;
import org.openprofiles.domain.access.AccountId;
import org.openprofiles.domain.access.Assignments;
import org.openprofiles.domain.access.AttributeValue;
import org.openprofiles.domain.access.GroupId;
import org.openprofiles.domain.access.ProfileAssignment;
import org.openprofiles.domain.access.RequiredAttribute;
import org.openprofiles.domain.access.RequiredGroup;
import org.openprofiles.domain.security.UserId;
import org.openprofiles.domain.shared.Keyset;
import org.openprofiles.domain.shared.Page;
import org.openprofiles.domain.shared.PageRequest;

/**
 * Assignments in {@code profile_assignment}. Whether an account deviates comes from the
 * {@code account_deviation} view, the one place the compliance rule is written down, through the
 * per-assignment count {@link #recheck} keeps.
 */
public final class JdbiAssignments implements Assignments {

    /**
     * Recounts from the view the deviations no acceptance covers, and keeps the earliest expiry of
     * the acceptances covering the others; the caller appends the WHERE clause.
     */
    private static final String RECOUNT = """
            UPDATE profile_assignment pa
               SET (deviations, acceptance_expires) =
                   (SELECT count(*) FILTER (WHERE d.acceptance_id IS NULL),
                           min(d.acceptance_expires) FILTER (WHERE d.acceptance_id IS NOT NULL)
                      FROM account_deviation d
                     WHERE d.account_id = pa.account_id AND d.profile_id = pa.profile_id)
            """;

    /** Whether an assignment's account deviates from its profile at {@code :asOf}, from the cached columns. */
    static final String DEVIATES = "(pa.deviations > 0 OR pa.acceptance_expires <= CAST(:asOf AS timestamptz))";

    /**
     * The assigned account as {@link JdbiDirectory#account} reads it, from the copy the assignment
     * keeps (migration V64's triggers): no look-up of the account per row.
     */
    private static final String ACCOUNT = "pa.account_id AS id, pa.account_name AS sam_account_name,"
            + " pa.account_display_name AS display_name, pa.account_distinguished_name AS distinguished_name,"
            + " pa.account_enabled AS enabled";

    private final JdbiTransactions db;

    public JdbiAssignments(JdbiTransactions db) {
        this.db = db;
    }

    @Override
    public int assign(AccessProfileId profile, Collection<AccountId> accounts, String comment, UserId by, Instant at) {
        return db.withHandle(h -> h.createUpdate("""
                        INSERT INTO profile_assignment (account_id, profile_id, comment, assigned_at, assigned_by)
                        SELECT a, :profile, :comment, :at, :by FROM unnest(CAST(:accounts AS uuid[])) AS t (a)
                        ON CONFLICT (account_id, profile_id) DO NOTHING
                        """)
                .bind("profile", profile.value())
                .bind("comment", comment)
                .bind("at", at)
                .bind("by", by.value())
                .bindArray(
                        "accounts",
                        UUID.class,
                        accounts.stream().map(AccountId::value).toList())
                .execute());
    }

    @Override
    public int unassign(AccessProfileId profile, Collection<AccountId> accounts) {
        return db.withHandle(h -> h.createUpdate(
                        "DELETE FROM profile_assignment WHERE profile_id = :profile AND account_id = ANY(:accounts)")
                .bind("profile", profile.value())
                .bindArray(
                        "accounts",
                        UUID.class,
                        accounts.stream().map(AccountId::value).toList())
                .execute());
    }

    @Override
    public long countFor(AccessProfileId profile) {
        return db.withHandle(h -> h.createQuery("SELECT count(*) FROM profile_assignment WHERE profile_id = :profile")
                .bind("profile", profile.value())
                .mapTo(Long.class)
                .one());
    }

    @Override
    public void recheck(AccessProfileId profile) {
        db.withHandle(h -> h.createUpdate(RECOUNT + " WHERE pa.profile_id = :profile")
                .bind("profile", profile.value())
                .execute());
    }

    @Override
    public void recheck(Collection<AccountId> accounts) {
        if (!accounts.isEmpty()) {
            db.withHandle(h -> h.createUpdate(RECOUNT + " WHERE pa.account_id = ANY(:accounts)")
                    .bindArray(
                            "accounts",
                            UUID.class,
                            accounts.stream().map(AccountId::value).toList())
                    .execute());
        }
    }

    @Override
    public Page<ProfileAssignment> listFor(AccessProfileId profile, PageRequest page, Instant asOf) {
        Optional<List<String>> after = page.cursor().map(c -> db.cursors().decode(c, 2));
        // A range of the index (profile_id, account_key, account_id): the page costs its own rows
        // whatever the profile's size. The keyset condition is written only for a next page, so
        // that the plan can use it as the range's start.
        List<ProfileAssignment> rows = db.withHandle(h -> {
            var query = h.createQuery("""
                            SELECT pa.profile_id, <account>, pa.comment, pa.assigned_at, <deviates> AS non_compliant
                              FROM profile_assignment pa
                             WHERE pa.profile_id = :profile <after>
                             ORDER BY pa.account_key, pa.account_id
                             LIMIT :limit
                            """)
                    .define("account", ACCOUNT)
                    .define("deviates", DEVIATES)
                    .define(
                            "after",
                            after.isEmpty()
                                    ? ""
                                    : "AND (pa.account_key, pa.account_id)"
                                            + " > (lower(CAST(:afterName AS text)), CAST(:afterId AS uuid))")
                    .bind("asOf", asOf)
                    .bind("profile", profile.value())
                    .bind("limit", page.limit() + 1);
            after.ifPresent(a -> query.bind("afterName", a.get(0)).bind("afterId", UUID.fromString(a.get(1))));
            return query.map((rs, ctx) -> assignment(rs)).list();
        });
        return Keyset.page(
                rows,
                page.limit(),
                last -> db.cursors()
                        .encode(
                                last.account().samAccountName(),
                                last.account().id().toString()));
    }

    @Override
    public Page<ProfileAssignment> listAll(PageRequest page, Instant asOf) {
        Optional<List<String>> after = page.cursor().map(c -> db.cursors().decode(c, 2));
        List<ProfileAssignment> rows = db.withHandle(h -> h.createQuery("""
                        SELECT pa.profile_id, <account>, pa.comment, pa.assigned_at, <deviates> AS non_compliant
                          FROM profile_assignment pa
                         WHERE <after>
                         ORDER BY pa.account_id, pa.profile_id
                         LIMIT :limit
                        """)
                .define("account", ACCOUNT)
                .define("deviates", DEVIATES)
                // A constant text per case (no ":x IS NULL OR"): even a generic plan starts the
                // primary-key scan at the cursor.
                .define(
                        "after",
                        after.isPresent()
                                ? "(pa.account_id, pa.profile_id) > (CAST(:afterAccount AS uuid), CAST(:afterProfile AS uuid))"
                                : "true")
                .bind("asOf", asOf)
                .bind("afterAccount", after.map(a -> UUID.fromString(a.get(0))).orElse(null))
                .bind("afterProfile", after.map(a -> UUID.fromString(a.get(1))).orElse(null))
                .bind("limit", page.limit() + 1)
                .map((rs, ctx) -> assignment(rs))
                .list());
        return Keyset.page(
                rows,
                page.limit(),
                last -> db.cursors()
                        .encode(last.account().id().toString(), last.profileId().toString()));
    }

    private static ProfileAssignment assignment(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new ProfileAssignment(
                new AccessProfileId(rs.getObject("profile_id", UUID.class)),
                JdbiDirectory.account(rs),
                rs.getString("comment"),
                rs.getObject("assigned_at", OffsetDateTime.class).toInstant(),
                rs.getBoolean("non_compliant"));
    }

    @Override
    public Page<RequiredGroup> requiredGroups(AccountId account, PageRequest page, AccessProfiles profiles) {
        Optional<List<String>> after = page.cursor().map(c -> db.cursors().decode(c, 3));
        Predicate<RequiredGroup> afterCursor = after.map(
                        a -> RequiredGroup.after(a.get(0), UUID.fromString(a.get(1)), UUID.fromString(a.get(2))))
                .orElse(row -> true);
        // One statement for what the account holds (two index ranges); the profiles' groups, with
        // their names, come from the profiles port (in memory when it keeps them).
        Holdings held = db.withHandle(h -> h.createQuery("""
                        SELECT ARRAY(SELECT profile_id FROM profile_assignment WHERE account_id = :account)
                                   AS profiles,
                               ARRAY(SELECT group_id FROM account_group_membership WHERE account_id = :account)
                                   AS groups
                        """)
                .bind("account", account.value())
                .map((rs, ctx) -> new Holdings(uuids(rs.getArray("profiles")), uuids(rs.getArray("groups"))))
                .one());
        if (held.profiles().isEmpty()) {
            return Page.last(List.of());
        }
        List<AccessProfile> assigned = profiles.findAll(
                held.profiles().stream().map(AccessProfileId::new).toList());
        Set<GroupId> memberships = new HashSet<>();
        held.groups().forEach(g -> memberships.add(new GroupId(g)));
        return Keyset.top(
                sink -> RequiredGroup.of(assigned, memberships, sink),
                RequiredGroup.ORDER,
                afterCursor,
                page.limit(),
                last -> db.cursors()
                        .encode(
                                last.group().name(),
                                last.group().id().toString(),
                                last.profileId().toString()));
    }

    private record Holdings(List<UUID> profiles, List<UUID> groups) {}

    private static List<UUID> uuids(java.sql.Array array) throws java.sql.SQLException {
        if (array == null) {
            return List.of();
        }
        return Arrays.stream((Object[]) array.getArray())
                .map(id -> id instanceof UUID uuid ? uuid : UUID.fromString(id.toString()))
                .toList();
    }

    @Override
    public Page<RequiredAttribute> requiredAttributes(AccountId account, PageRequest page) {
        Optional<List<String>> after = page.cursor().map(c -> db.cursors().decode(c, 2));
        List<RequiredAttribute> rows = db.withHandle(h -> h.createQuery("""
                        SELECT p.id AS profile_id, p.name AS profile_name, pat.name AS key, pat.value,
                               COALESCE(aa.value, '') AS actual, COALESCE(ad.label, pat.name) AS label
                          FROM profile_assignment pa
                          JOIN access_profile p ON p.id = pa.profile_id
                          JOIN access_profile_attribute pat ON pat.profile_id = p.id
                          LEFT JOIN account_attribute aa ON aa.account_id = pa.account_id AND aa.name = pat.name
                          LEFT JOIN attribute_definition ad ON ad.key = pat.name
                         WHERE pa.account_id = :account
                           AND (CAST(:afterKey AS text) IS NULL
                                OR (pat.name, p.id) > (CAST(:afterKey AS text), CAST(:afterProfile AS uuid)))
                         ORDER BY pat.name, p.id
                         LIMIT :limit
                        """)
                .bind("account", account.value())
                .bind("afterKey", after.map(a -> a.get(0)).orElse(null))
                .bind("afterProfile", after.map(a -> UUID.fromString(a.get(1))).orElse(null))
                .bind("limit", page.limit() + 1)
                .map((rs, ctx) -> new RequiredAttribute(
                        new AccessProfileId(rs.getObject("profile_id", UUID.class)),
                        rs.getString("profile_name"),
                        rs.getString("label"),
                        new AttributeValue(rs.getString("key"), rs.getString("value")),
                        rs.getString("actual")))
                .list());
        return Keyset.page(
                rows,
                page.limit(),
                last -> db.cursors()
                        .encode(last.required().key(), last.profileId().toString()));
    }
}
