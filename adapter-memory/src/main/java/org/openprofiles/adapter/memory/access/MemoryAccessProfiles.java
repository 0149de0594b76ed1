package org.openprofiles.adapter.memory.access;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.openprofiles.adapter.memory.shared.Listing;
import org.openprofiles.adapter.memory.shared.MemoryCursors;
import org.openprofiles.application.shared.ChangeFeed;
import org.openprofiles.domain.access.AccessProfile;
import org.openprofiles.domain.access.AccessProfileId;
import org.openprofiles.domain.access.AccessProfiles;
import org.openprofiles.domain.access.ProfileFilter;
import org.openprofiles.domain.shared.Page;
import org.openprofiles.domain.shared.PageRequest;

/** Access profiles, unique by lower-cased name, listed by name ignoring case. */
final class MemoryAccessProfiles implements AccessProfiles {

    private static final Comparator<AccessProfile> BY_NAME = Comparator.comparing(p -> Listing.lower(p.name()));

    private final AccessTables tables;

    MemoryAccessProfiles(AccessTables tables) {
        this.tables = tables;
    }

    @Override
    public Page<AccessProfile> list(ProfileFilter filter, PageRequest page) {
        Optional<String> after =
                page.cursor().map(c -> Listing.lower(MemoryCursors.decode(c, 1).get(0)));
        return tables.transactions.read(() -> Listing.page(
                        tables.profiles.rows().stream()
                                .filter(p -> matches(filter, p))
                                .toList(),
                        p -> Listing.lower(p.name()),
                        Comparator.<String>naturalOrder(),
                        after,
                        page,
                        last -> MemoryCursors.encode(last.name()))
                .map(tables::profile));
    }

    @Override
    public Page<AccessProfileId> listIds(ProfileFilter filter, PageRequest page) {
        return list(filter, page).map(AccessProfile::id);
    }

    private static boolean matches(ProfileFilter filter, AccessProfile profile) {
        String name = Listing.lower(profile.name());
        return filter.name().map(n -> name.equals(Listing.lower(n))).orElse(true)
                && filter.search()
                        .map(Listing::lower)
                        .map(s -> name.contains(s)
                                || Listing.lower(profile.description()).contains(s))
                        .orElse(true);
    }

    @Override
    public List<AccessProfile> findAll(Collection<AccessProfileId> ids) {
        return tables.transactions.read(() -> tables.profiles.rowsOf(ids).stream()
                .sorted(BY_NAME)
                .map(tables::profile)
                .toList());
    }

    @Override
    public Optional<AccessProfile> find(AccessProfileId id) {
        return tables.transactions.read(() -> tables.profiles.get(id).map(tables::profile));
    }

    @Override
    public Set<AccessProfileId> existing(Collection<AccessProfileId> ids) {
        return tables.transactions.read(
                () -> ids.stream().filter(tables.profiles::contains).collect(Collectors.toSet()));
    }

    @Override
    public boolean nameTaken(String name, Optional<AccessProfileId> except) {
        return tables.transactions.read(() -> tables.profileNames
                .get(Listing.lower(name))
                .filter(owner -> except.map(e -> !e.equals(owner)).orElse(true))
                .isPresent());
    }

    @Override
    public void add(AccessProfile profile) {
        tables.transactions.write(() -> {
            if (tables.profiles.contains(profile.id()) || tables.profileNames.contains(Listing.lower(profile.name()))) {
                throw AccessProfile.nameOrIdTaken();
            }
            requireKnownGroups(profile);
            tables.profiles.put(profile.id(), profile.withVersion(1));
            tables.profileNames.put(Listing.lower(profile.name()), profile.id());
            changed(profile.id());
            return null;
        });
    }

    @Override
    public AccessProfile update(AccessProfile profile) {
        return tables.transactions.write(() -> {
            AccessProfile stored = tables.profiles
                    .get(profile.id())
                    .filter(p -> p.version() == profile.version())
                    .orElseThrow(AccessProfile::changedMeanwhile);
            String newName = Listing.lower(profile.name());
            if (nameTaken(profile.name(), Optional.of(profile.id()))) {
                throw AccessProfile.nameOrIdTaken();
            }
            requireKnownGroups(profile);
            tables.profileNames.remove(Listing.lower(stored.name()));
            tables.profileNames.put(newName, profile.id());
            AccessProfile updated = profile.withVersion(stored.version() + 1);
            tables.profiles.put(profile.id(), updated);
            changed(profile.id());
            return updated;
        });
    }

    @Override
    public boolean delete(AccessProfileId id) {
        return tables.transactions.write(() -> {
            Optional<AccessProfile> stored = tables.profiles.get(id);
            stored.ifPresent(profile -> {
                tables.assignmentsTo(id)
                        .forEach(a -> tables.assignments.remove(new AccessTables.AssignmentKey(a.account(), id)));
                tables.profileNames.remove(Listing.lower(profile.name()));
                tables.profiles.remove(id);
                tables.removeAcceptances(a -> a.deviation().profile().equals(Optional.of(id)));
                changed(id);
            });
            return stored.isPresent();
        });
    }

    private void changed(AccessProfileId id) {
        tables.transactions.changed(new ChangeFeed.Change(ChangeFeed.Topic.ACCESS_PROFILE, id.value()));
    }

    /** A profile may name only known directory groups (PostgreSQL's foreign key says the same). */
    private void requireKnownGroups(AccessProfile profile) {
        profile.groups().stream()
                .filter(g -> !tables.groups.contains(g.id()))
                .findFirst()
                .ifPresent(g -> {
                    throw new IllegalStateException("profile " + profile.id() + " names unknown group " + g.id());
                });
    }
}
