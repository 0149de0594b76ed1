package org.openprofiles.adapter.memory.access;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openprofiles.adapter.memory.access.AccessTables.AccountRow;
import org.openprofiles.adapter.memory.access.AccessTables.AssignmentRow;
import org.openprofiles.adapter.memory.access.MemoryAssignments.AccountKey;
import org.openprofiles.adapter.memory.shared.Listing;
import org.openprofiles.domain.access.AcceptedDeviation;
import org.openprofiles.domain.access.AccessProfile;
import org.openprofiles.domain.access.AccessProfileId;
import org.openprofiles.domain.access.AccountCompliance;
import org.openprofiles.domain.access.AccountId;
import org.openprofiles.domain.access.ComplianceFindings;
import org.openprofiles.domain.access.ComplianceQuery;
import org.openprofiles.domain.access.ComplianceSummary;
import org.openprofiles.domain.access.Deviation;
import org.openprofiles.domain.access.DeviationAcceptance;
import org.openprofiles.domain.access.ProfileUsage;
import org.openprofiles.domain.shared.Page;
import org.openprofiles.domain.shared.PageRequest;

/** Compliance worked out from the tables when asked: the same rule as the JDBI adapter's view. */
final class MemoryComplianceFindings implements ComplianceFindings {

    private final AccessTables tables;

    MemoryComplianceFindings(AccessTables tables) {
        this.tables = tables;
    }

    @Override
    public Page<AccountCompliance> report(ComplianceQuery query, PageRequest page) {
        Optional<AccountKey> after = page.cursor().map(AccountKey::after);
        return tables.transactions.read(() -> {
            List<AccountRow> accounts = query.profile()
                    .map(profile -> tables.assignmentsTo(profile).stream()
                            .map(AssignmentRow::account)
                            .map(tables::account)
                            .flatMap(Optional::stream)
                            .toList())
                    .orElseGet(tables.accounts::rows);
            List<AccountRow> reported = query.nonCompliantOnly()
                    ? accounts.stream()
                            .filter(a -> line(a, query.asOf()).nonCompliant())
                            .toList()
                    : accounts;
            return Listing.page(reported, AccountKey::of, AccountKey.ORDER, after, page, AccountKey::cursorOf)
                    .map(a -> line(a, query.asOf()));
        });
    }

    @Override
    public Optional<AccountCompliance> of(AccountId account, Instant asOf) {
        return tables.transactions.read(() -> tables.account(account).map(a -> line(a, asOf)));
    }

    private AccountCompliance line(AccountRow account, Instant asOf) {
        List<AccessProfileId> profiles = tables
                .profiles
                .rowsOf(tables.assignmentsOf(account.summary().id()).stream()
                        .map(AssignmentRow::profile)
                        .toList())
                .stream()
                .sorted(Comparator.comparing(p -> Listing.lower(p.name())))
                .map(AccessProfile::id)
                .toList();
        List<Deviation> open = new ArrayList<>();
        List<AcceptedDeviation> accepted = new ArrayList<>();
        for (Deviation deviation : tables.deviations(account)) {
            Optional<DeviationAcceptance> acceptance =
                    tables.acceptanceOf(account.summary().id(), deviation).filter(a -> a.inForceAt(asOf));
            if (acceptance.isPresent()) {
                accepted.add(new AcceptedDeviation(deviation, acceptance.get()));
            } else {
                open.add(deviation);
            }
        }
        return new AccountCompliance(account.summary(), profiles, open, accepted);
    }

    @Override
    public Map<AccessProfileId, ProfileUsage> usage(Collection<AccessProfileId> profiles, Instant asOf) {
        return tables.transactions.read(() -> {
            Map<AccessProfileId, ProfileUsage> usage = new HashMap<>();
            for (AccessProfile profile : tables.profiles.rowsOf(profiles)) {
                List<AssignmentRow> assigned = tables.assignmentsTo(profile.id());
                if (assigned.isEmpty()) {
                    continue;
                }
                long deviating = assigned.stream()
                        .map(a -> tables.account(a.account()))
                        .flatMap(Optional::stream)
                        .filter(a -> !tables.openDeviations(a, profile, asOf).isEmpty())
                        .count();
                usage.put(profile.id(), new ProfileUsage(assigned.size(), deviating));
            }
            return usage;
        });
    }

    @Override
    public ComplianceSummary summary(Instant asOf) {
        return tables.transactions.read(() -> {
            long accounts = 0;
            long nonCompliant = 0;
            long accepted = 0;
            for (AccountRow account : tables.accounts.rows()) {
                AccountCompliance line = line(account, asOf);
                accounts++;
                nonCompliant += line.nonCompliant() ? 1 : 0;
                accepted += line.accepted().isEmpty() ? 0 : 1;
            }
            return new ComplianceSummary(accounts, nonCompliant, accepted);
        });
    }
}
