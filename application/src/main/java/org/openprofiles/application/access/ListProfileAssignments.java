package org.openprofiles.application.access;

import org.openprofiles.application.shared.Transactions;
import org.openprofiles.domain.access.AccessProfile;
import org.openprofiles.domain.access.AccessProfileId;
import org.openprofiles.domain.access.AccessProfiles;
import org.openprofiles.domain.access.Assignments;
import org.openprofiles.domain.access.ProfileAssignment;
import org.openprofiles.domain.security.AccessPolicy;
import org.openprofiles.domain.security.Action;
import org.openprofiles.domain.security.Principal;
import org.openprofiles.domain.shared.Page;
import org.openprofiles.domain.shared.PageRequest;

/** The accounts a profile is assigned to, each with whether it deviates from the profile. */
public final class ListProfileAssignments {

    private final AccessPolicy policy;
    private final AccessProfiles profiles;
    private final Assignments assignments;
    private final Transactions transactions;

    public ListProfileAssignments(
            AccessPolicy policy, AccessProfiles profiles, Assignments assignments, Transactions transactions) {
        this.policy = policy;
        this.profiles = profiles;
        this.assignments = assignments;
        this.transactions = transactions;
    }

    public Page<ProfileAssignment> list(Principal caller, AccessProfileId profile, PageRequest page) {
        policy.require(caller, Action.READ_ACCESS_PROFILES, ListAccessProfiles.PROFILES);
        return transactions.readOnly(() -> {
            if (!profiles.exists(profile)) {
                throw AccessProfile.notFound(profile, "profileId");
            }
            return assignments.listFor(profile, page);
        });
    }
}
