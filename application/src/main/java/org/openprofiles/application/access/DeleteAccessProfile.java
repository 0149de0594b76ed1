package org.openprofiles.application.access;

import java.util.LinkedHashMap;
import java.util.Map;
import org.openprofiles.application.shared.Audit;
import org.openprofiles.application.shared.Transactions;
import org.openprofiles.domain.access.AccessProfile;
import org.openprofiles.domain.access.AccessProfileId;
import org.openprofiles.domain.access.AccessProfiles;
import org.openprofiles.domain.access.Assignments;
import org.openprofiles.domain.security.AccessPolicy;
import org.openprofiles.domain.security.Action;
import org.openprofiles.domain.security.Principal;

/** Deletes a profile together with its assignments, in one transaction with one audit event. */
public final class DeleteAccessProfile {

    /** The deleted profile and how many assignments went with it. */
    public record Deleted(AccessProfile profile, long removedAssignments) {}

    private final AccessPolicy policy;
    private final AccessProfiles profiles;
    private final Assignments assignments;
    private final Transactions transactions;
    private final Audit audit;

    public DeleteAccessProfile(
            AccessPolicy policy,
            AccessProfiles profiles,
            Assignments assignments,
            Transactions transactions,
            Audit audit) {
        this.policy = policy;
        this.profiles = profiles;
        this.assignments = assignments;
        this.transactions = transactions;
        this.audit = audit;
    }

    public Deleted delete(Principal caller, AccessProfileId id) {
        policy.require(caller, Action.MANAGE_ACCESS_PROFILES, ListAccessProfiles.PROFILES);
        return transactions.inTransaction(() -> {
            AccessProfile profile = profiles.find(id).orElseThrow(() -> AccessProfile.notFound(id, "profileId"));
            long removed = assignments.countFor(id);
            profiles.delete(id);
            Map<String, Object> before = new LinkedHashMap<>(profile.auditFields());
            before.put("assignments", removed);
            audit.record(caller, "access-profile.delete", "access-profile", id.toString(), before, Map.of());
            return new Deleted(profile, removed);
        });
    }
}
