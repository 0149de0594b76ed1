package org.openprofiles.domain.access;

import java.util.List;

/** One account's line in the compliance report: its profiles and every deviation found. */
public record AccountCompliance(AccountSummary account, List<AccessProfileId> profiles, List<Deviation> deviations) {

    public AccountCompliance {
        profiles = List.copyOf(profiles);
        deviations = List.copyOf(deviations);
    }

    public boolean nonCompliant() {
        return !deviations.isEmpty();
    }
}
