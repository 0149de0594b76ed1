package org.openprofiles.domain.access;

/** How many accounts have a profile, and how many of them deviate from it. */
public record ProfileUsage(long assignedAccounts, long nonCompliantAccounts) {

    public static final ProfileUsage NONE = new ProfileUsage(0, 0);
}
