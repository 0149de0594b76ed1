package org.openprofiles.domain.access;

import java.util.Map;

/** The access-profile configuration administrators change at run time. */
public record ProfileSettings(boolean unassignedAccountsAreNonCompliant) {

    /** The vendor's default: accounts without a department profile are non-compliant. */
    public static final ProfileSettings DEFAULTS = new ProfileSettings(true);

    /** The vendor's key of {@link #unassignedAccountsAreNonCompliant}. */
    public static final String UNASSIGNED_ARE_NON_COMPLIANT = "are_unassigned_accounts_non_compliant";

    public Map<String, Object> auditFields() {
        return Map.of(UNASSIGNED_ARE_NON_COMPLIANT, unassignedAccountsAreNonCompliant);
    }
}
