package org.openprofiles.application.access;

import org.openprofiles.application.shared.Transactions;
import org.openprofiles.domain.access.AccessProfile;
import org.openprofiles.domain.access.AccessProfiles;
import org.openprofiles.domain.access.AccountCompliance;
import org.openprofiles.domain.access.ComplianceFindings;
import org.openprofiles.domain.access.ComplianceQuery;
import org.openprofiles.domain.security.AccessPolicy;
import org.openprofiles.domain.security.Action;
import org.openprofiles.domain.security.Principal;
import org.openprofiles.domain.shared.Page;
import org.openprofiles.domain.shared.PageRequest;

/** Accounts compared with what their profiles require, one page at a time. */
public final class ComplianceReport {

    private final AccessPolicy policy;
    private final AccessProfiles profiles;
    private final ComplianceFindings findings;
    private final Transactions transactions;

    public ComplianceReport(
            AccessPolicy policy, AccessProfiles profiles, ComplianceFindings findings, Transactions transactions) {
        this.policy = policy;
        this.profiles = profiles;
        this.findings = findings;
        this.transactions = transactions;
    }

    public Page<AccountCompliance> report(Principal caller, ComplianceQuery query, PageRequest page) {
        policy.require(caller, Action.READ_ACCESS_PROFILES, ListAccessProfiles.PROFILES);
        return transactions.readOnly(() -> {
            query.profile().filter(id -> !profiles.exists(id)).ifPresent(id -> {
                throw AccessProfile.notFound(id, "profileId");
            });
            return findings.report(query, page);
        });
    }
}
