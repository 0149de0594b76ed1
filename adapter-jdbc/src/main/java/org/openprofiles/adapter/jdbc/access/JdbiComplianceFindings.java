package org.openprofiles.adapter.jdbc.access;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.openprofiles.adapter.jdbc.shared.JdbiTransactions;
import org.openprofiles.domain.access.AcceptanceId;
import org.openprofiles.domain.access.AcceptedDeviation;
import org.openprofiles.domain.access.AccessProfileId;
import org.openprofiles.domain.access.AccountCompliance;
import org.openprofiles.domain.access.AccountId;
import org.openprofiles.domain.access.AccountSummary;
import org.openprofiles.domain.access.ComplianceFindings;
import org.openprofiles.domain.access.ComplianceQuery;
import org.openprofiles.domain.access.ComplianceSummary;
import org.openprofiles.domain.access.Deviation;
import org.openprofiles.domain.access.DeviationAcceptance;
import org.openprofiles.domain.access.DeviationKey;
import org.openprofiles.domain.access.Group;
import org.openprofiles.domain.access.GroupId;
import org.openprofiles.domain.access.ProfileUsage;
import org.openprofiles.domain.security.UserId;
import org.openprofiles.domain.shared.Keyset;
import org.openprofiles.domain.shared.Page;
import org.openprofiles.domain.shared.PageRequest;

/**
 * Compliance from the {@code account_deviation} view: a page of accounts in one statement, then
 * the page's assignments and all its deviations (with the acceptances covering them) in one
 * statement each, whatever the page holds. Whether an acceptance is in force is decided here, at
 * the moment the caller gives.
 */
public final class JdbiComplianceFindings implements ComplianceFindings {

    /** An account deviates without acceptance at :asOf: a deviating assignment, or no profile nobody accepted. */
    private static final String NON_COMPLIANT = """
            (EXISTS (SELECT 1 FROM profile_assignment pa WHERE pa.account_id = a.id AND %s)
             OR EXISTS (SELECT 1 FROM account_deviation d
                         WHERE d.account_id = a.id AND d.kind = 'no_profile'
                           AND (d.acceptance_id IS NULL OR d.acceptance_expires <= CAST(:asOf AS timestamptz))))
            """.formatted(JdbiAssignments.DEVIATES);

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
                               AND (NOT :nonCompliantOnly OR <nonCompliant>)
                               AND (CAST(:afterName AS text) IS NULL
                                    OR (lower(a.sam_account_name), a.id)
                                       > (lower(CAST(:afterName AS text)), CAST(:afterId AS uuid)))
                             ORDER BY lower(a.sam_account_name), a.id
                             LIMIT :limit
                            """)
                    .define("from", from)
                    .define("nonCompliant", NON_COMPLIANT)
                    .bind("profile", query.profile().map(AccessProfileId::value).orElse(null))
                    .bind("nonCompliantOnly", query.nonCompliantOnly())
                    .bind("asOf", query.asOf())
                    .bind("afterName", after.map(a -> a.get(0)).orElse(null))
                    .bind("afterId", after.map(a -> UUID.fromString(a.get(1))).orElse(null))
                    .bind("limit", page.limit() + 1)
                    .map((rs, ctx) -> JdbiDirectory.account(rs))
                    .list();
            Page<AccountSummary> slice = Keyset.page(
                    accounts,
                    page.limit(),
                    last -> db.cursors().encode(last.samAccountName(), last.id().toString()));
            List<AccountCompliance> lines = lines(h, slice.items(), query.asOf());
            return new Page<>(lines, slice.nextCursor());
        });
    }

    @Override
    public Optional<AccountCompliance> of(AccountId account, Instant asOf) {
        return db.withHandle(h -> h.createQuery("""
                                SELECT id, sam_account_name, display_name, distinguished_name, enabled
                                  FROM directory_account WHERE id = :id
                                """)
                .bind("id", account.value())
                .map((rs, ctx) -> JdbiDirectory.account(rs))
                .findOne()
                .map(found -> lines(h, List.of(found), asOf).get(0)));
    }

    /** The report lines of these accounts, in their order: two statements whatever they hold. */
    private static List<AccountCompliance> lines(Handle h, List<AccountSummary> accounts, Instant asOf) {
        if (accounts.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = accounts.stream().map(a -> a.id().value()).toList();
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
        Map<UUID, List<Deviation>> open = new HashMap<>();
        Map<UUID, List<AcceptedDeviation>> accepted = new HashMap<>();
        h.createQuery("""
                        SELECT d.account_id, d.kind, d.profile_id, d.group_id, g.name, g.distinguished_name,
                               d.attribute, d.expected, d.actual,
                               x.id AS acceptance_id, x.comment, x.expires_at, x.accepted_by, x.accepted_at
                          FROM account_deviation d
                          LEFT JOIN directory_group g ON g.id = d.group_id
                          LEFT JOIN deviation_acceptance x ON x.id = d.acceptance_id
                         WHERE d.account_id = ANY(:ids)
                         ORDER BY d.account_id, d.kind, lower(g.name), d.attribute, d.profile_id
                        """)
                .bindArray("ids", UUID.class, ids)
                .map((rs, ctx) -> {
                    UUID account = rs.getObject("account_id", UUID.class);
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
                    UUID acceptance = rs.getObject("acceptance_id", UUID.class);
                    Optional<AcceptedDeviation> covered = acceptance == null
                            ? Optional.empty()
                            : Optional.of(new AcceptedDeviation(
                                    deviation,
                                    new DeviationAcceptance(
                                            new AcceptanceId(acceptance),
                                            new AccountId(account),
                                            DeviationKey.of(deviation),
                                            rs.getString("comment"),
                                            Optional.ofNullable(rs.getObject("expires_at", OffsetDateTime.class))
                                                    .map(OffsetDateTime::toInstant),
                                            new UserId(rs.getObject("accepted_by", UUID.class)),
                                            rs.getObject("accepted_at", OffsetDateTime.class)
                                                    .toInstant())));
                    return new Found(account, deviation, covered);
                })
                .forEach(found -> {
                    if (found.acceptance().isPresent()
                            && found.acceptance().get().acceptance().inForceAt(asOf)) {
                        accepted.computeIfAbsent(found.account(), k -> new ArrayList<>())
                                .add(found.acceptance().get());
                    } else {
                        open.computeIfAbsent(found.account(), k -> new ArrayList<>())
                                .add(found.deviation());
                    }
                });
        return accounts.stream()
                .map(a -> new AccountCompliance(
                        a,
                        profiles.getOrDefault(a.id().value(), List.of()),
                        open.getOrDefault(a.id().value(), List.of()),
                        accepted.getOrDefault(a.id().value(), List.of())))
                .toList();
    }

    /** One row of the deviations query. */
    private record Found(UUID account, Deviation deviation, Optional<AcceptedDeviation> acceptance) {}

    @Override
    public Map<AccessProfileId, ProfileUsage> usage(Collection<AccessProfileId> profiles, Instant asOf) {
        Map<AccessProfileId, ProfileUsage> usage = new HashMap<>();
        if (profiles.isEmpty()) {
            return usage;
        }
        db.withHandle(h -> h.createQuery("""
                        SELECT pa.profile_id, count(*) AS assigned, count(*) FILTER (WHERE <deviates>) AS non_compliant
                          FROM profile_assignment pa
                         WHERE pa.profile_id = ANY(:ids)
                         GROUP BY pa.profile_id
                        """)
                        .define("deviates", JdbiAssignments.DEVIATES)
                        .bind("asOf", asOf)
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

    @Override
    public ComplianceSummary summary(Instant asOf) {
        return db.withHandle(h -> h.createQuery("""
                        SELECT (SELECT count(*) FROM directory_account) AS accounts,
                               (SELECT count(*) FROM directory_account a WHERE <nonCompliant>) AS non_compliant,
                               (SELECT count(DISTINCT d.account_id) FROM account_deviation d
                                 WHERE d.account_id IN (SELECT account_id FROM deviation_acceptance)
                                   AND d.acceptance_id IS NOT NULL
                                   AND (d.acceptance_expires IS NULL
                                        OR d.acceptance_expires > CAST(:asOf AS timestamptz))) AS accepted
                        """)
                .define("nonCompliant", NON_COMPLIANT)
                .bind("asOf", asOf)
                .map((rs, ctx) -> new ComplianceSummary(
                        rs.getLong("accounts"), rs.getLong("non_compliant"), rs.getLong("accepted")))
                .one());
    }
}
