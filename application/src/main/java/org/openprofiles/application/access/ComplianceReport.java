package org.openprofiles.application.access;

import java.time.Clock;
import java.util.Optional;
import org.openprofiles.application.shared.Transactions;
import org.openprofiles.domain.access.AccessProfile;
import org.openprofiles.domain.access.AccessProfileId;
import org.openprofiles.domain.access.AccessProfiles;
import org.openprofiles.domain.access.AccountCompliance;
import org.openprofiles.domain.access.ComplianceFindings;
import org.openprofiles.domain.access.ComplianceQuery;
import org.openprofiles.domain.security.AccessPolicy;
import org.openprofiles.domain.security.Action;
import org.openprofiles.domain.security.Principal;
import org.openprofiles.domain.shared.Page;
import org.openprofiles.domain.shared.PageRequest;

/**
 * Accounts compared with what their profiles require, one page at a time: each line lists the
 * deviations nobody accepted and, apart, those covered by an acceptance in force now.
 */
public final class ComplianceReport {

    /** Which accounts: those with one profile, and/or only the non-compliant ones. */
    public record Query(Optional<AccessProfileId> profile, boolean nonCompliantOnly) {
        public Query {
            profile = profile == null ? Optional.empty() : profile;
        }
    }

    private final AccessPolicy policy;
    private final AccessProfiles profiles;
    private final ComplianceFindings findings;
    private final Transactions transactions;
    private final Clock clock;

    public ComplianceReport(
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

    public Page<AccountCompliance> report(Principal caller, Query query, PageRequest page) {
        policy.require(caller, Action.READ_ACCESS_PROFILES, ListAccessProfiles.PROFILES);
        return transactions.readOnly(() -> {
            query.profile().filter(id -> !profiles.exists(id)).ifPresent(id -> {
                throw AccessProfile.notFound(id, "profileId");
            });
            return findings.report(
                    new ComplianceQuery(query.profile(), query.nonCompliantOnly(), clock.instant()), page);
        });
    }
}
