package org.openprofiles.domain.access;

/**
 * The directory's compliance at one moment: how many accounts there are, how many are
 * non-compliant (a deviation nobody accepted, or one whose acceptance expired), and how many have
 * at least one accepted deviation in force. Kept with every successful sync, so that the syncs
 * form the compliance trend.
 */
public record ComplianceSummary(long accounts, long nonCompliantAccounts, long accountsWithAcceptedDeviations) {}
