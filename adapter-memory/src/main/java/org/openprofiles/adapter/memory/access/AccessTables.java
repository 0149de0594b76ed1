package org.openprofiles.adapter.memory.access;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.openprofiles.adapter.memory.shared.Listing;
import org.openprofiles.adapter.memory.shared.MemoryTransactions;
import org.openprofiles.adapter.memory.shared.Table;
import org.openprofiles.domain.access.AcceptanceId;
import org.openprofiles.domain.access.AccessProfile;
import org.openprofiles.domain.access.AccessProfileId;
import org.openprofiles.domain.access.AccountId;
import org.openprofiles.domain.access.AccountSummary;
import org.openprofiles.domain.access.AttributeDefinition;
import org.openprofiles.domain.access.AttributeValue;
import org.openprofiles.domain.access.Deviation;
import org.openprofiles.domain.access.DeviationAcceptance;
import org.openprofiles.domain.access.DeviationKey;
import org.openprofiles.domain.access.Group;
import org.openprofiles.domain.access.GroupId;
import org.openprofiles.domain.access.ProfileSettings;
import org.openprofiles.domain.security.UserId;

/**
 * The access context's tables in memory, which its six ports share (a profile shows its groups as
 * the directory names them now, a deleted profile takes its assignments along, compliance reads
 * them all), and the compliance rule: how an account deviates from what its profiles require.
 * Deviations are worked out when asked, so they are always current and there is nothing to recount.
 */
final class AccessTables {

    /** A stored account: what lists show, the groups it is in and its (non-empty) attribute values. */
    record AccountRow(AccountSummary summary, Set<GroupId> groups, Map<String, String> attributes) {}

    /** One account having one profile. */
    record AssignmentKey(AccountId account, AccessProfileId profile) {}

    /** An assignment: who has which profile, why, since when, given by whom. */
    record AssignmentRow(AccountId account, AccessProfileId profile, String comment, Instant assignedAt, UserId by) {}

    /** One account's acceptance of one deviation: the unique key of acceptances. */
    record AcceptanceKey(AccountId account, DeviationKey deviation) {}

    /** An attribute definition and its place in the catalog. */
    record DefinitionRow(AttributeDefinition definition, int position) {}

    final MemoryTransactions transactions;
    final Table<GroupId, Group> groups;
    final Table<AccountId, AccountRow> accounts;
    final Table<AccessProfileId, AccessProfile> profiles;
    final Table<String, AccessProfileId> profileNames;
    final Table<AssignmentKey, AssignmentRow> assignments;
    final Table<String, DefinitionRow> definitions;
    final Table<String, ProfileSettings> settings;
    final Table<AcceptanceId, DeviationAcceptance> acceptances;
    final Table<AcceptanceKey, AcceptanceId> acceptanceKeys;
    final Table<GroupId, Instant> missingGroups;

    AccessTables(MemoryTransactions transactions) {
        this.transactions = transactions;
        this.groups = new Table<>(transactions);
        this.accounts = new Table<>(transactions);
        this.profiles = new Table<>(transactions);
        this.profileNames = new Table<>(transactions);
        this.assignments = new Table<>(transactions);
        this.definitions = new Table<>(transactions);
        this.settings = new Table<>(transactions);
        this.acceptances = new Table<>(transactions);
        this.acceptanceKeys = new Table<>(transactions);
        this.missingGroups = new Table<>(transactions);
    }

    /** The stored profile with its groups as the directory has them now, in the profile's order. */
    AccessProfile profile(AccessProfile stored) {
        return stored.withGroups(groups.rowsOf(groupIds(stored)));
    }

    private static List<GroupId> groupIds(AccessProfile profile) {
        return profile.groups().stream().map(Group::id).toList();
    }

    /** The assignments of one account. */
    List<AssignmentRow> assignmentsOf(AccountId account) {
        return assignments.rows().stream()
                .filter(a -> a.account().equals(account))
                .toList();
    }

    /** The assignments of one profile. */
    List<AssignmentRow> assignmentsTo(AccessProfileId profile) {
        return assignments.rows().stream()
                .filter(a -> a.profile().equals(profile))
                .toList();
    }

    /** How {@code account} deviates from {@code profile}: missing groups, then wrong attribute values. */
    List<Deviation> deviations(AccountRow account, AccessProfile profile) {
        List<Deviation> found = new ArrayList<>();
        for (Group group : groups.rowsOf(groupIds(profile))) {
            if (!account.groups().contains(group.id())) {
                found.add(new Deviation.MissingGroup(profile.id(), group));
            }
        }
        for (AttributeValue required : profile.attributes()) {
            String actual = account.attributes().getOrDefault(required.key(), "");
            if (!actual.equals(required.value())) {
                found.add(new Deviation.WrongAttribute(profile.id(), required.key(), required.value(), actual));
            }
        }
        return found;
    }

    /**
     * Every way {@code account} deviates, in the report's order: missing groups by group name, then
     * (without any profile, when the settings say so) no profile, then wrong values by attribute key;
     * ties by profile id.
     */
    List<Deviation> deviations(AccountRow account) {
        List<Deviation> found = new ArrayList<>();
        List<AssignmentRow> assigned = assignmentsOf(account.summary().id());
        for (AssignmentRow assignment : assigned) {
            profiles.get(assignment.profile()).ifPresent(profile -> found.addAll(deviations(account, profile)));
        }
        if (assigned.isEmpty() && settings().unassignedAccountsAreNonCompliant()) {
            found.add(new Deviation.NoProfile());
        }
        found.sort(REPORT_ORDER);
        return found;
    }

    private static final UUID NONE = new UUID(0, 0);

    /** The order of deviations in the report, as PostgreSQL sorts the rows of its view. */
    private static final Comparator<Deviation> REPORT_ORDER = Comparator.comparingInt(AccessTables::kind)
            .thenComparing(d -> d instanceof Deviation.MissingGroup m
                    ? Listing.lower(m.group().name())
                    : "")
            .thenComparing(d -> d instanceof Deviation.WrongAttribute w ? w.key() : "")
            .thenComparing(AccessTables::profileOf, Listing.IDS)
            .thenComparing(
                    d -> d instanceof Deviation.MissingGroup m ? m.group().id().value() : NONE, Listing.IDS);

    /** The kinds in the view's text order: missing_group, no_profile, wrong_attribute. */
    private static int kind(Deviation deviation) {
        if (deviation instanceof Deviation.MissingGroup) {
            return 0;
        }
        return deviation instanceof Deviation.NoProfile ? 1 : 2;
    }

    private static UUID profileOf(Deviation deviation) {
        if (deviation instanceof Deviation.MissingGroup m) {
            return m.profileId().value();
        }
        return deviation instanceof Deviation.WrongAttribute w ? w.profileId().value() : NONE;
    }

    /** The acceptance (in force or not) of this deviation of this account, if any. */
    Optional<DeviationAcceptance> acceptanceOf(AccountId account, Deviation deviation) {
        return acceptanceKeys
                .get(new AcceptanceKey(account, DeviationKey.of(deviation)))
                .flatMap(acceptances::get);
    }

    /** Whether {@code deviation} of {@code account} is covered by an acceptance in force at {@code at}. */
    boolean accepted(AccountId account, Deviation deviation, Instant at) {
        return acceptanceOf(account, deviation).filter(a -> a.inForceAt(at)).isPresent();
    }

    /** The deviations of {@code account} from {@code profile} that no acceptance in force at {@code at} covers. */
    List<Deviation> openDeviations(AccountRow account, AccessProfile profile, Instant at) {
        return deviations(account, profile).stream()
                .filter(d -> !accepted(account.summary().id(), d, at))
                .toList();
    }

    /** Removes every acceptance that {@code names} says is about what is being deleted. */
    void removeAcceptances(java.util.function.Predicate<DeviationAcceptance> names) {
        for (DeviationAcceptance acceptance : acceptances.rows()) {
            if (names.test(acceptance)) {
                acceptances.remove(acceptance.id());
                acceptanceKeys.remove(new AcceptanceKey(acceptance.account(), acceptance.deviation()));
            }
        }
    }

    ProfileSettings settings() {
        return settings.get(SETTINGS_KEY).orElse(ProfileSettings.DEFAULTS);
    }

    static final String SETTINGS_KEY = ProfileSettings.UNASSIGNED_ARE_NON_COMPLIANT;

    Optional<AccountRow> account(AccountId id) {
        return accounts.get(id);
    }
}
