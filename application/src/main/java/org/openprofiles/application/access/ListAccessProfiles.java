package org.openprofiles.application.access;

import org.openprofiles.domain.access.AccessProfile;
import org.openprofiles.domain.access.AccessProfiles;
import org.openprofiles.domain.access.ProfileFilter;
import org.openprofiles.domain.security.AccessPolicy;
import org.openprofiles.domain.security.Action;
import org.openprofiles.domain.security.Principal;
import org.openprofiles.domain.security.Resource;
import org.openprofiles.domain.shared.Page;
import org.openprofiles.domain.shared.PageRequest;

/** Lists access profiles by name, optionally filtered, one page at a time. */
public final class ListAccessProfiles {

    static final Resource PROFILES = Resource.of("access-profile");

    private final AccessPolicy policy;
    private final AccessProfiles profiles;

    public ListAccessProfiles(AccessPolicy policy, AccessProfiles profiles) {
        this.policy = policy;
        this.profiles = profiles;
    }

    public Page<AccessProfile> list(Principal caller, ProfileFilter filter, PageRequest page) {
        policy.require(caller, Action.READ_ACCESS_PROFILES, PROFILES);
        // One port call: a consistent read by itself, no unit of work needed around it.
        return profiles.list(filter, page);
    }
}
