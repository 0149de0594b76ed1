package org.openprofiles.domain.access;

import java.util.List;

/**
 * One account's line in the compliance report: its profiles, every deviation nobody accepted (or
 * whose acceptance expired), and the deviations covered by an acceptance in force.
 */
public record AccountCompliance(
        AccountSummary account,
        List<AccessProfileId> profiles,
        List<Deviation> deviations,
        List<AcceptedDeviation> accepted) {

    public AccountCompliance {
        profiles = List.copyOf(profiles);
        deviations = List.copyOf(deviations);
        accepted = List.copyOf(accepted);
    }

    /** A line without accepted deviations. */
    public AccountCompliance(AccountSummary account, List<AccessProfileId> profiles, List<Deviation> deviations) {
        this(account, profiles, deviations, List.of());
    }

    /** Non-compliant: at least one deviation that no acceptance in force covers. */
    public boolean nonCompliant() {
        return !deviations.isEmpty();
    }
}
