package org.openprofiles.application.access;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
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

/**
 * The accounts a profile is assigned to, or every assignment of every profile, each with whether
 * the account deviates from its profile (accepted deviations do not count) now.
 */
public final class ListProfileAssignments {

    private final AccessPolicy policy;
    private final AccessProfiles profiles;
    private final Assignments assignments;
    private final Clock clock;

    public ListProfileAssignments(AccessPolicy policy, AccessProfiles profiles, Assignments assignments, Clock clock) {
        this.policy = policy;
        this.profiles = profiles;
        this.assignments = assignments;
        this.clock = clock;
    }

    /**
     * The assignments of {@code profile}, by samAccountName; without one, every assignment.
     * {@code NotFound} for a profile that does not exist. The page is read first, and only an
     * empty page asks whether the profile exists: one statement in the common case, and either
     * order of the two reads describes a moment when the answer was true.
     */
    public Page<ProfileAssignment> list(Principal caller, Optional<AccessProfileId> profile, PageRequest page) {
        policy.require(caller, Action.READ_ACCESS_PROFILES, ListAccessProfiles.PROFILES);
        Instant now = clock.instant();
        if (profile.isEmpty()) {
            return assignments.listAll(page, now);
        }
        Page<ProfileAssignment> found = assignments.listFor(profile.get(), page, now);
        if (found.items().isEmpty() && !profiles.exists(profile.get())) {
            throw AccessProfile.notFound(profile.get(), "profileId");
        }
        return found;
    }
}
