package org.openprofiles.adapter.memory.access;

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
import org.openprofiles.domain.access.AccessProfile;
import org.openprofiles.domain.access.AccessProfileId;
import org.openprofiles.domain.access.AccountCompliance;
import org.openprofiles.domain.access.ComplianceFindings;
import org.openprofiles.domain.access.ComplianceQuery;
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
                            .filter(a -> !tables.deviations(a).isEmpty())
                            .toList()
                    : accounts;
            return Listing.page(reported, AccountKey::of, AccountKey.ORDER, after, page, AccountKey::cursorOf)
                    .map(this::line);
        });
    }

    private AccountCompliance line(AccountRow account) {
        List<AccessProfileId> profiles = tables
                .profiles
                .rowsOf(tables.assignmentsOf(account.summary().id()).stream()
                        .map(AssignmentRow::profile)
                        .toList())
                .stream()
                .sorted(Comparator.comparing(p -> Listing.lower(p.name())))
                .map(AccessProfile::id)
                .toList();
        return new AccountCompliance(account.summary(), profiles, tables.deviations(account));
    }

    @Override
    public Map<AccessProfileId, ProfileUsage> usage(Collection<AccessProfileId> profiles) {
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
                        .filter(a -> !tables.deviations(a, profile).isEmpty())
                        .count();
                usage.put(profile.id(), new ProfileUsage(assigned.size(), deviating));
            }
            return usage;
        });
    }
}
