package org.openprofiles.adapter.jdbc.access;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.openprofiles.adapter.jdbc.shared.JdbiTransactions;
import org.openprofiles.domain.access.AccessProfileId;
import org.openprofiles.domain.access.AccountCompliance;
import org.openprofiles.domain.access.AccountSummary;
import org.openprofiles.domain.access.ComplianceFindings;
import org.openprofiles.domain.access.ComplianceQuery;
import org.openprofiles.domain.access.Deviation;
import org.openprofiles.domain.access.Group;
import org.openprofiles.domain.access.GroupId;
import org.openprofiles.domain.access.ProfileUsage;
import org.openprofiles.domain.shared.Keyset;
import org.openprofiles.domain.shared.Page;
import org.openprofiles.domain.shared.PageRequest;

/**
 * Compliance from the {@code account_deviation} view: a page of accounts in one statement, then
 * the page's assignments and all its deviations in one statement each, whatever the page holds.
 */
public final class JdbiComplianceFindings implements ComplianceFindings {

    private final JdbiTransactions db;

    public JdbiComplianceFindings(JdbiTransactions db) {
        this.db = db;
    }

    @Override
    public Page<AccountCompliance> report(ComplianceQuery query, PageRequest page) {
        Optional<List<String>> after = page.cursor().map(c -> db.cursors().decode(c, 2));
        return db.withHandle(h -> {
            // With a profile, start from its assignments (index on profile_id) and sort those; without,
            // walk all accounts in name order. Both are constant texts; only the choice differs.
            String from = query.profile().isPresent()
                    ? "profile_assignment pp JOIN directory_account a ON a.id = pp.account_id"
                            + " WHERE pp.profile_id = CAST(:profile AS uuid)"
                    : "directory_account a WHERE CAST(:profile AS uuid) IS NULL";
            List<AccountSummary> accounts = h.createQuery("""
                            SELECT a.id, a.sam_account_name, a.display_name, a.distinguished_name, a.enabled
                              FROM <from>
                               AND (NOT :nonCompliantOnly
                                    OR EXISTS (SELECT 1 FROM profile_assignment pa
                                                WHERE pa.account_id = a.id AND pa.deviations > 0)
                                    OR EXISTS (SELECT 1 FROM account_deviation d
                                                WHERE d.account_id = a.id AND d.kind = 'no_profile'))
                               AND (CAST(:afterName AS text) IS NULL
                                    OR (lower(a.sam_account_name), a.id)
                                       > (lower(CAST(:afterName AS text)), CAST(:afterId AS uuid)))
                             ORDER BY lower(a.sam_account_name), a.id
                             LIMIT :limit
                            """)
                    .define("from", from)
                    .bind("profile", query.profile().map(AccessProfileId::value).orElse(null))
                    .bind("nonCompliantOnly", query.nonCompliantOnly())
                    .bind("afterName", after.map(a -> a.get(0)).orElse(null))
                    .bind("afterId", after.map(a -> UUID.fromString(a.get(1))).orElse(null))
                    .bind("limit", page.limit() + 1)
                    .map((rs, ctx) -> JdbiDirectory.account(rs))
                    .list();
            Page<AccountSummary> slice = Keyset.page(
                    accounts,
                    page.limit(),
                    last -> db.cursors().encode(last.samAccountName(), last.id().toString()));
            if (slice.isEmpty()) {
                return new Page<AccountCompliance>(List.of(), Optional.empty());
            }
            List<UUID> ids = slice.items().stream().map(a -> a.id().value()).toList();
            Map<UUID, List<AccessProfileId>> profiles = new HashMap<>();
            h.createQuery("""
                            SELECT pa.account_id, pa.profile_id
                              FROM profile_assignment pa
                              JOIN access_profile p ON p.id = pa.profile_id
                             WHERE pa.account_id = ANY(:ids)
                             ORDER BY pa.account_id, lower(p.name)
                            """)
                    .bindArray("ids", UUID.class, ids)
                    .map((rs, ctx) -> Map.entry(
                            rs.getObject("account_id", UUID.class),
                            new AccessProfileId(rs.getObject("profile_id", UUID.class))))
                    .forEach(e -> profiles.computeIfAbsent(e.getKey(), k -> new ArrayList<>())
                            .add(e.getValue()));
            Map<UUID, List<Deviation>> deviations = new HashMap<>();
            h.createQuery("""
                            SELECT d.account_id, d.kind, d.profile_id, d.group_id, g.name, g.distinguished_name,
                                   d.attribute, d.expected, d.actual
                              FROM account_deviation d
                              LEFT JOIN directory_group g ON g.id = d.group_id
                             WHERE d.account_id = ANY(:ids)
                             ORDER BY d.account_id, d.kind, lower(g.name), d.attribute, d.profile_id
                            """)
                    .bindArray("ids", UUID.class, ids)
                    .map((rs, ctx) -> {
                        UUID profile = rs.getObject("profile_id", UUID.class);
                        Deviation deviation = switch (rs.getString("kind")) {
                            case "missing_group" ->
                                new Deviation.MissingGroup(
                                        new AccessProfileId(profile),
                                        new Group(
                                                new GroupId(rs.getObject("group_id", UUID.class)),
                                                rs.getString("name"),
                                                rs.getString("distinguished_name")));
                            case "wrong_attribute" ->
                                new Deviation.WrongAttribute(
                                        new AccessProfileId(profile),
                                        rs.getString("attribute"),
                                        rs.getString("expected"),
                                        rs.getString("actual"));
                            default -> new Deviation.NoProfile();
                        };
                        return Map.entry(rs.getObject("account_id", UUID.class), deviation);
                    })
                    .forEach(e -> deviations
                            .computeIfAbsent(e.getKey(), k -> new ArrayList<>())
                            .add(e.getValue()));
            return slice.map(a -> new AccountCompliance(
                    a,
                    profiles.getOrDefault(a.id().value(), List.of()),
                    deviations.getOrDefault(a.id().value(), List.of())));
        });
    }

    @Override
    public Map<AccessProfileId, ProfileUsage> usage(Collection<AccessProfileId> profiles) {
        Map<AccessProfileId, ProfileUsage> usage = new HashMap<>();
        if (profiles.isEmpty()) {
            return usage;
        }
        db.withHandle(h -> h.createQuery("""
                        SELECT profile_id, count(*) AS assigned, count(*) FILTER (WHERE deviations > 0) AS non_compliant
                          FROM profile_assignment
                         WHERE profile_id = ANY(:ids)
                         GROUP BY profile_id
                        """)
                        .bindArray(
                                "ids",
                                UUID.class,
                                profiles.stream().map(AccessProfileId::value).toList())
                        .map((rs, ctx) -> Map.entry(
                                new AccessProfileId(rs.getObject("profile_id", UUID.class)),
                                new ProfileUsage(rs.getLong("assigned"), rs.getLong("non_compliant"))))
                        .list())
                .forEach(e -> usage.put(e.getKey(), e.getValue()));
        return usage;
    }
}
