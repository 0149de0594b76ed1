package org.openprofiles.domain.access;

import java.util.Collection;
import java.util.Map;
import org.openprofiles.domain.shared.Page;
import org.openprofiles.domain.shared.PageRequest;

/**
 * The compliance port: compares what accounts have with what their profiles require, set-based in
 * storage (never one query per account).
 */
public interface ComplianceFindings {

    /** Accounts ordered by samAccountName with their deviations. */
    Page<AccountCompliance> report(ComplianceQuery query, PageRequest page);

    /** For each of these profiles: assigned accounts and those deviating from the profile. */
    Map<AccessProfileId, ProfileUsage> usage(Collection<AccessProfileId> profiles);
}
