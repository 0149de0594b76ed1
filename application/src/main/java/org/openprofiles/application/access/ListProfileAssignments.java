package org.openprofiles.application.access;

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

    public ListProfileAssignments(AccessPolicy policy, AccessProfiles profiles, Assignments assignments) {
        this.policy = policy;
        this.profiles = profiles;
        this.assignments = assignments;
    }

    /**
     * One page; {@code NotFound} for a profile that does not exist. The page is read first, and
     * only an empty page asks whether the profile exists: one statement in the common case, and
     * either order of the two reads describes a moment when the answer was true.
     */
    public Page<ProfileAssignment> list(Principal caller, AccessProfileId profile, PageRequest page) {
        policy.require(caller, Action.READ_ACCESS_PROFILES, ListAccessProfiles.PROFILES);
        Page<ProfileAssignment> found = assignments.listFor(profile, page);
        if (found.items().isEmpty() && !profiles.exists(profile)) {
            throw AccessProfile.notFound(profile, "profileId");
        }
        return found;
    }
}
