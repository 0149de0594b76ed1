package org.openprofiles.application.access;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.openprofiles.application.shared.Audit;
import org.openprofiles.application.shared.Transactions;
import org.openprofiles.domain.access.AccessProfile;
import org.openprofiles.domain.access.AccessProfileId;
import org.openprofiles.domain.access.AccessProfiles;
import org.openprofiles.domain.access.Assignments;
import org.openprofiles.domain.access.AttributeCatalog;
import org.openprofiles.domain.access.AttributeCatalogs;
import org.openprofiles.domain.access.Directory;
import org.openprofiles.domain.access.Group;
import org.openprofiles.domain.access.GroupId;
import org.openprofiles.domain.access.ProfileDraft;
import org.openprofiles.domain.security.AccessPolicy;
import org.openprofiles.domain.security.Action;
import org.openprofiles.domain.security.Principal;
import org.openprofiles.domain.shared.Conflict;
import org.openprofiles.domain.shared.DomainFailure;
import org.openprofiles.domain.shared.Invalid;
import org.openprofiles.domain.shared.Invalid.Violation;
import org.openprofiles.domain.shared.PreconditionFailed;

/**
 * Creates a profile, or updates the one the command names. A command without an id, or with an
 * id no profile has, creates (keeping the given id, so a retried create becomes an update).
 * Everything is checked before anything is written; an update names the version it was based on
 * when the caller wants a stale copy refused.
 */
public final class SaveAccessProfile {

    /**
     * What to save: an optional id, the proposed content, the version the caller last read (as a
     * precondition, e.g. HTTP's If-Match, or inside the content), and what the adapter already
     * found malformed in the input (reported together with every other violation; the draft keeps
     * a placeholder at such a position so that indexes stay right).
     */
    public record Command(
            Optional<AccessProfileId> id,
            ProfileDraft draft,
            Optional<Long> preconditionVersion,
            Optional<Long> contentVersion,
            List<Violation> malformed) {
        public Command {
            malformed = malformed == null ? List.of() : List.copyOf(malformed);
        }

        /**
         * The version the save must find stored. A stale precondition is {@link PreconditionFailed};
         * a stale version in the content (or a concurrent change when none was named) is a {@link Conflict}.
         */
        Optional<Long> expectedVersion() {
            return preconditionVersion.or(() -> contentVersion);
        }

        DomainFailure stale(String code, String message) {
            return preconditionVersion.isPresent()
                    ? new PreconditionFailed(code, "version", message)
                    : new Conflict(code, "version", message);
        }
    }

    /** The stored profile and whether it was created. */
    public record Saved(AccessProfile profile, boolean created) {}

    private final AccessPolicy policy;
    private final AccessProfiles profiles;
    private final Directory directory;
    private final Assignments assignments;
    private final AttributeCatalogs catalogs;
    private final Transactions transactions;
    private final Audit audit;
    private final Clock clock;

    public SaveAccessProfile(
            AccessPolicy policy,
            AccessProfiles profiles,
            Directory directory,
            Assignments assignments,
            AttributeCatalogs catalogs,
            Transactions transactions,
            Audit audit,
            Clock clock) {
        this.policy = policy;
        this.profiles = profiles;
        this.directory = directory;
        this.assignments = assignments;
        this.catalogs = catalogs;
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
    }

    public Saved save(Principal caller, Command command) {
        policy.require(caller, Action.MANAGE_ACCESS_PROFILES, ListAccessProfiles.PROFILES);
        return transactions.inTransaction(() -> {
            Optional<AccessProfile> existing = command.id().flatMap(profiles::find);
            Checked checked = checked(command.draft(), command.malformed());
            ProfileDraft draft = checked.draft();
            if (profiles.nameTaken(draft.name(), existing.map(AccessProfile::id))) {
                throw new Conflict("duplicate_name", "name", "an access profile named '" + draft.name() + "' exists");
            }
            if (existing.isEmpty()) {
                if (command.expectedVersion().isPresent()) {
                    throw command.stale(
                            "no_such_version", "there is no stored profile with this id whose version could match");
                }
                AccessProfile created = AccessProfile.create(
                        command.id().orElseGet(AccessProfileId::random), draft, checked.groups(), clock.instant());
                profiles.add(created);
                audit.record(
                        caller,
                        "access-profile.create",
                        "access-profile",
                        created.id().toString(),
                        Map.of(),
                        created.auditFields());
                return new Saved(created, true);
            }
            AccessProfile before = existing.get();
            if (command.expectedVersion().isPresent()
                    && command.expectedVersion().get() != before.version()) {
                throw command.stale(
                        "stale_version",
                        "the profile was changed by someone else " + "(version " + before.version() + ", yours "
                                + command.expectedVersion().get() + "); reload it");
            }
            AccessProfile revised = before.revise(draft, checked.groups(), clock.instant());
            if (revised.sameContentAs(before)) {
                // Nothing to change: no new version, no audit event, no recount.
                return new Saved(before, false);
            }
            AccessProfile stored;
            try {
                stored = profiles.update(revised);
            } catch (PreconditionFailed concurrentChange) {
                throw command.stale(concurrentChange.code(), concurrentChange.getMessage());
            }
            assignments.recheck(stored.id());
            audit.record(
                    caller,
                    "access-profile.update",
                    "access-profile",
                    stored.id().toString(),
                    before.auditFields(),
                    stored.auditFields());
            return new Saved(stored, false);
        });
    }

    private record Checked(ProfileDraft draft, List<Group> groups) {}

    /** Every violation of the draft, the catalog and the directory at once, or the canonical draft. */
    private Checked checked(ProfileDraft draft, List<Violation> malformed) {
        List<Violation> violations = new ArrayList<>(draft.violations());
        AttributeCatalog.Checked attributes = catalogs.catalog().check(draft.attributes(), "ldapAttributes");
        violations.addAll(attributes.violations());
        List<Group> groups = new ArrayList<>();
        if (draft.groups().size() <= ProfileDraft.MAX_GROUPS) {
            Map<GroupId, Group> known = new HashMap<>();
            directory.groups(draft.groups()).forEach(g -> known.put(g.id(), g));
            for (int i = 0; i < draft.groups().size(); i++) {
                Group group = known.get(draft.groups().get(i));
                if (group == null) {
                    violations.add(new Violation(
                            "groups[" + i + "]",
                            "unknown_group",
                            "group " + draft.groups().get(i) + " is not a known directory group"));
                } else if (!groups.contains(group)) {
                    groups.add(group);
                }
            }
        }
        Set<String> malformedFields = new HashSet<>();
        malformed.forEach(v -> malformedFields.add(v.field()));
        // A placeholder for a malformed entry breaks other rules too; only say it is malformed.
        violations.removeIf(v -> malformedFields.contains(v.field()));
        violations.addAll(malformed);
        if (!violations.isEmpty()) {
            throw new Invalid(violations);
        }
        return new Checked(draft.withAttributes(attributes.values()), groups);
    }
}
