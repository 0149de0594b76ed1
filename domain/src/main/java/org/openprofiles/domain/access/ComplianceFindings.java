package org.openprofiles.domain.access;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import org.openprofiles.domain.shared.Page;
import org.openprofiles.domain.shared.PageRequest;

/**
 * The compliance port: compares what accounts have with what their profiles require, set-based in
 * storage (never one query per account). Acceptances are judged at the moment given: one that
 * expired by then no longer covers its deviation.
 */
public interface ComplianceFindings {

    /** Accounts ordered by samAccountName with their deviations, unaccepted and accepted. */
    Page<AccountCompliance> report(ComplianceQuery query, PageRequest page);

    /** The report's line of one account; empty when there is no such account. */
    Optional<AccountCompliance> of(AccountId account, Instant asOf);

    /** For each of these profiles: assigned accounts and those deviating from the profile without acceptance. */
    Map<AccessProfileId, ProfileUsage> usage(Collection<AccessProfileId> profiles, Instant asOf);

    /** The whole directory's compliance at {@code asOf}. */
    ComplianceSummary summary(Instant asOf);
}
