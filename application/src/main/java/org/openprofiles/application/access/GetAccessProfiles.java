package org.openprofiles.application.access;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.openprofiles.domain.access.AccessProfile;
import org.openprofiles.domain.access.AccessProfileId;
import org.openprofiles.domain.access.AccessProfiles;
import org.openprofiles.domain.security.AccessPolicy;
import org.openprofiles.domain.security.Action;
import org.openprofiles.domain.security.Principal;
import org.openprofiles.domain.shared.Invalid;

/** Reads named profiles with everything they require; every id must exist. */
public final class GetAccessProfiles {

    public static final int MAX_IDS = 1000;

    private final AccessPolicy policy;
    private final AccessProfiles profiles;

    public GetAccessProfiles(AccessPolicy policy, AccessProfiles profiles) {
        this.policy = policy;
        this.profiles = profiles;
    }

    public List<AccessProfile> get(Principal caller, List<AccessProfileId> ids, String field) {
        policy.require(caller, Action.READ_ACCESS_PROFILES, ListAccessProfiles.PROFILES);
        Set<AccessProfileId> wanted = checkIds(ids, field);
        // One port call: a consistent read by itself, no unit of work needed around it.
        List<AccessProfile> found = profiles.findAll(wanted);
        requireAllFound(wanted, found.stream().map(AccessProfile::id).toList(), field);
        return found;
    }

    static Set<AccessProfileId> checkIds(List<AccessProfileId> ids, String field) {
        if (ids.isEmpty()) {
            throw new Invalid("required", field, field + " must name at least one profile id");
        }
        if (ids.size() > MAX_IDS) {
            throw new Invalid("too_many", field, field + " may name at most " + MAX_IDS + " profile ids");
        }
        return new LinkedHashSet<>(ids);
    }

    static void requireAllFound(
            Set<AccessProfileId> wanted, java.util.Collection<AccessProfileId> found, String field) {
        for (AccessProfileId id : wanted) {
            if (!found.contains(id)) {
                throw AccessProfile.notFound(id, field);
            }
        }
    }
}
