package org.openprofiles.domain.security;

/** What a principal attempts; the {@link AccessPolicy} decides per action and resource. */
public enum Action {
    MANAGE_USERS,
    READ_AUDIT,
    MANAGE_SETTINGS,

    /** Read certificate profiles (and requests) of the resource's owner. */
    READ_CERTIFICATE_PROFILES,
    MANAGE_PROFILE_TEMPLATES,
    IMPORT_CERTIFICATE_PROFILES,
    DECIDE_CERTIFICATE_REQUESTS,
    /** Read the certificate requests of the resource's owner (the user they were made by or for). */
    READ_CERTIFICATE_REQUESTS,
    /** Complete (pick up the result of) a request; the resource's owner is its requester. */
    COMPLETE_CERTIFICATE_REQUESTS,
    /** Cancel or abandon a request before it completes; the resource's owner is its requester. */
    END_CERTIFICATE_REQUESTS,

    READ_ACCESS_PROFILES,
    MANAGE_ACCESS_PROFILES,
    MANAGE_DIRECTORY,
    /** Read the directory back: accounts, groups, and the syncs that loaded them. */
    READ_DIRECTORY,
    /** Accept a deviation of an account (or withdraw an acceptance). */
    ACCEPT_DEVIATIONS,
    /** Apply a remediation plan to the organisation's directory. */
    REMEDIATE_DIRECTORY,

    /** Read the operational metrics (request rates, latencies, pool use, domain counters). */
    READ_METRICS
}
