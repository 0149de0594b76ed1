package org.openprofiles.adapter.memory.access;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.openprofiles.adapter.memory.access.AccessTables.AccountRow;
import org.openprofiles.adapter.memory.access.AccessTables.AssignmentKey;
import org.openprofiles.adapter.memory.access.AccessTables.AssignmentRow;
import org.openprofiles.adapter.memory.access.AccessTables.DefinitionRow;
import org.openprofiles.adapter.memory.shared.Listing;
import org.openprofiles.adapter.memory.shared.MemoryCursors;
import org.openprofiles.domain.access.AccessProfile;
import org.openprofiles.domain.access.AccessProfileId;
import org.openprofiles.domain.access.AccessProfiles;
import org.openprofiles.domain.access.AccountId;
import org.openprofiles.domain.access.Assignments;
import org.openprofiles.domain.access.AttributeValue;
import org.openprofiles.domain.access.GroupId;
import org.openprofiles.domain.access.ProfileAssignment;
import org.openprofiles.domain.access.RequiredAttribute;
import org.openprofiles.domain.access.RequiredGroup;
import org.openprofiles.domain.security.UserId;
import org.openprofiles.domain.shared.Keyset;
import org.openprofiles.domain.shared.Page;
import org.openprofiles.domain.shared.PageRequest;

/**
 * Assignments of profiles to accounts. Whether an account deviates is worked out when a list is
 * read, so {@link #recheck} has nothing to recount here.
 */
final class MemoryAssignments implements Assignments {

    /** The order of accounts: samAccountName ignoring case, then id. */
    record AccountKey(String name, UUID id) {
        static final Comparator<AccountKey> ORDER =
                Comparator.comparing(AccountKey::name).thenComparing(AccountKey::id, Listing.IDS);

        static AccountKey of(AccountRow account) {
            return new AccountKey(
                    Listing.lower(account.summary().samAccountName()),
                    account.summary().id().value());
        }

        /** The key a two-part cursor (samAccountName, id) carries. */
        static AccountKey after(String cursor) {
            List<String> parts = MemoryCursors.decode(cursor, 2);
            return new AccountKey(Listing.lower(parts.get(0)), MemoryCursors.uuid(parts.get(1)));
        }

        static String cursorOf(AccountRow account) {
            return MemoryCursors.encode(
                    account.summary().samAccountName(), account.summary().id().toString());
        }
    }

    /** The order of required attribute values: key, then profile id. */
    private record AttributeKey(String key, UUID profile) {
        static final Comparator<AttributeKey> ORDER =
                Comparator.comparing(AttributeKey::key).thenComparing(AttributeKey::profile, Listing.IDS);
    }

    private final AccessTables tables;

    MemoryAssignments(AccessTables tables) {
        this.tables = tables;
    }

    @Override
    public int assign(AccessProfileId profile, Collection<AccountId> accounts, String comment, UserId by, Instant at) {
        return tables.transactions.write(() -> {
            int added = 0;
            for (AccountId account : accounts.stream().distinct().toList()) {
                AssignmentKey key = new AssignmentKey(account, profile);
                if (!tables.assignments.contains(key)) {
                    tables.assignments.put(key, new AssignmentRow(account, profile, comment, at, by));
                    added++;
                }
            }
            return added;
        });
    }

    @Override
    public int unassign(AccessProfileId profile, Collection<AccountId> accounts) {
        return tables.transactions.write(() -> (int) accounts.stream()
                .distinct()
                .filter(account -> tables.assignments.remove(new AssignmentKey(account, profile)))
                .count());
    }

    @Override
    public long countFor(AccessProfileId profile) {
        return tables.transactions.read(
                () -> (long) tables.assignmentsTo(profile).size());
    }

    @Override
    public void recheck(AccessProfileId profile) {
        // Deviations are computed when read: always current.
    }

    @Override
    public void recheck(Collection<AccountId> accounts) {
        // Deviations are computed when read: always current.
    }

    /** An assigned account with what the list shows of its assignment. */
    private record Assigned(AccountRow account, AssignmentRow assignment, boolean nonCompliant) {}

    @Override
    public Page<ProfileAssignment> listFor(AccessProfileId profile, PageRequest page, Instant asOf) {
        Optional<AccountKey> after = page.cursor().map(AccountKey::after);
        return tables.transactions.read(() -> {
            Optional<AccessProfile> stored = tables.profiles.get(profile);
            List<Assigned> assigned = new ArrayList<>();
            for (AssignmentRow assignment : tables.assignmentsTo(profile)) {
                tables.account(assignment.account())
                        .ifPresent(account -> assigned.add(new Assigned(
                                account,
                                assignment,
                                stored.map(p -> !tables.openDeviations(account, p, asOf)
                                                .isEmpty())
                                        .orElse(false))));
            }
            return Listing.page(
                            assigned,
                            a -> AccountKey.of(a.account()),
                            AccountKey.ORDER,
                            after,
                            page,
                            last -> AccountKey.cursorOf(last.account()))
                    .map(a -> new ProfileAssignment(
                            profile,
                            a.account().summary(),
                            a.assignment().comment(),
                            a.assignment().assignedAt(),
                            a.nonCompliant()));
        });
    }

    /** The order of every assignment: account id, then profile id (as PostgreSQL orders ids). */
    private record PairKey(UUID account, UUID profile) {
        static final Comparator<PairKey> ORDER =
                Comparator.comparing(PairKey::account, Listing.IDS).thenComparing(PairKey::profile, Listing.IDS);
    }

    @Override
    public Page<ProfileAssignment> listAll(PageRequest page, Instant asOf) {
        Optional<PairKey> after = page.cursor().map(c -> {
            List<String> parts = MemoryCursors.decode(c, 2);
            return new PairKey(MemoryCursors.uuid(parts.get(0)), MemoryCursors.uuid(parts.get(1)));
        });
        return tables.transactions.read(() -> {
            List<ProfileAssignment> all = new ArrayList<>();
            for (AssignmentRow assignment : tables.assignments.rows()) {
                Optional<AccountRow> account = tables.account(assignment.account());
                Optional<AccessProfile> profile = tables.profiles.get(assignment.profile());
                if (account.isPresent() && profile.isPresent()) {
                    all.add(new ProfileAssignment(
                            assignment.profile(),
                            account.get().summary(),
                            assignment.comment(),
                            assignment.assignedAt(),
                            !tables.openDeviations(account.get(), profile.get(), asOf)
                                    .isEmpty()));
                }
            }
            return Listing.page(
                    all,
                    a -> new PairKey(a.account().id().value(), a.profileId().value()),
                    PairKey.ORDER,
                    after,
                    page,
                    last -> MemoryCursors.encode(
                            last.account().id().toString(), last.profileId().toString()));
        });
    }

    @Override
    public Page<RequiredGroup> requiredGroups(AccountId account, PageRequest page, AccessProfiles profiles) {
        Predicate<RequiredGroup> afterCursor = page.cursor()
                .map(c -> MemoryCursors.decode(c, 3))
                .map(parts -> RequiredGroup.after(
                        parts.get(0), MemoryCursors.uuid(parts.get(1)), MemoryCursors.uuid(parts.get(2))))
                .orElse(row -> true);
        record Held(List<AccessProfileId> profiles, Set<GroupId> groups) {}
        Held held = tables.transactions.read(() -> new Held(
                tables.assignmentsOf(account).stream()
                        .map(AssignmentRow::profile)
                        .toList(),
                tables.account(account).map(AccountRow::groups).orElse(Set.of())));
        List<AccessProfile> assigned = held.profiles().isEmpty() ? List.of() : profiles.findAll(held.profiles());
        return Keyset.top(
                sink -> RequiredGroup.of(assigned, held.groups(), sink),
                RequiredGroup.ORDER,
                afterCursor,
                page.limit(),
                last -> MemoryCursors.encode(
                        last.group().name(),
                        last.group().id().toString(),
                        last.profileId().toString()));
    }

    @Override
    public Page<RequiredAttribute> requiredAttributes(AccountId account, PageRequest page) {
        Optional<AttributeKey> after = page.cursor().map(c -> {
            List<String> parts = MemoryCursors.decode(c, 2);
            return new AttributeKey(parts.get(0), MemoryCursors.uuid(parts.get(1)));
        });
        return tables.transactions.read(() -> {
            Optional<AccountRow> holder = tables.account(account);
            List<RequiredAttribute> required = new ArrayList<>();
            for (AccessProfile profile : profilesOf(account)) {
                for (AttributeValue value : profile.attributes()) {
                    String label = tables.definitions
                            .get(value.key())
                            .map(DefinitionRow::definition)
                            .map(d -> d.label())
                            .orElse(value.key());
                    String actual = holder.map(a -> a.attributes().getOrDefault(value.key(), ""))
                            .orElse("");
                    required.add(new RequiredAttribute(profile.id(), profile.name(), label, value, actual));
                }
            }
            return Listing.page(
                    required,
                    r -> new AttributeKey(r.required().key(), r.profileId().value()),
                    AttributeKey.ORDER,
                    after,
                    page,
                    last -> MemoryCursors.encode(
                            last.required().key(), last.profileId().toString()));
        });
    }

    private List<AccessProfile> profilesOf(AccountId account) {
        return tables.profiles.rowsOf(tables.assignmentsOf(account).stream()
                .map(AssignmentRow::profile)
                .toList());
    }
}
