package org.openprofiles.application.access;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openprofiles.application.shared.Transactions;
import org.openprofiles.domain.access.AccessProfileId;
import org.openprofiles.domain.access.AccessProfiles;
import org.openprofiles.domain.access.ComplianceFindings;
import org.openprofiles.domain.access.ProfileUsage;
import org.openprofiles.domain.security.AccessPolicy;
import org.openprofiles.domain.security.Action;
import org.openprofiles.domain.security.Principal;

/** For named profiles: how many accounts have each, and how many of those deviate from it without acceptance. */
public final class DescribeProfileUsage {

    private final AccessPolicy policy;
    private final AccessProfiles profiles;
    private final ComplianceFindings findings;
    private final Transactions transactions;
    private final Clock clock;

    public DescribeProfileUsage(
            AccessPolicy policy,
            AccessProfiles profiles,
            ComplianceFindings findings,
            Transactions transactions,
            Clock clock) {
        this.policy = policy;
        this.profiles = profiles;
        this.findings = findings;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Usage by profile id, in the order asked; every id must exist. */
    public Map<AccessProfileId, ProfileUsage> describe(Principal caller, List<AccessProfileId> ids) {
        policy.require(caller, Action.READ_ACCESS_PROFILES, ListAccessProfiles.PROFILES);
        Set<AccessProfileId> wanted = GetAccessProfiles.checkIds(ids, "profileIds");
        return transactions.readOnly(() -> {
            GetAccessProfiles.requireAllFound(wanted, profiles.existing(wanted), "profileIds");
            Map<AccessProfileId, ProfileUsage> counted = findings.usage(wanted, clock.instant());
            Map<AccessProfileId, ProfileUsage> usage = new LinkedHashMap<>();
            wanted.forEach(id -> usage.put(id, counted.getOrDefault(id, ProfileUsage.NONE)));
            return usage;
        });
    }
}
