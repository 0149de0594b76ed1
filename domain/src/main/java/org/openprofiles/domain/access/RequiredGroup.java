package org.openprofiles.domain.access;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Predicate;

/** A group an account should be in because of one of its profiles, and whether it is. */
public record RequiredGroup(AccessProfileId profileId, String profileName, Group group, boolean member) {

    /**
     * The order of an account's required groups: group name in lower case, then group id, then
     * profile id, ids compared as PostgreSQL compares them (unsigned, as their text sorts).
     */
    public static final Comparator<RequiredGroup> ORDER = Comparator.comparing(
                    (RequiredGroup r) -> r.group().name().toLowerCase(Locale.ROOT))
            .thenComparing(
                    (a, b) -> compareIds(a.group().id().value(), b.group().id().value()))
            .thenComparing(
                    (a, b) -> compareIds(a.profileId().value(), b.profileId().value()));

    /** Each group {@code profiles} require of an account that is a member of {@code memberships}, to {@code sink}. */
    public static void of(Collection<AccessProfile> profiles, Set<GroupId> memberships, Consumer<RequiredGroup> sink) {
        for (AccessProfile profile : profiles) {
            for (Group group : profile.groups()) {
                sink.accept(new RequiredGroup(profile.id(), profile.name(), group, memberships.contains(group.id())));
            }
        }
    }

    /**
     * Whether a row comes after the one a cursor names by its group's name and id and its
     * profile's id, in {@link #ORDER}.
     */
    public static Predicate<RequiredGroup> after(String groupName, UUID groupId, UUID profile) {
        RequiredGroup cursor = new RequiredGroup(
                new AccessProfileId(profile), "", new Group(new GroupId(groupId), groupName, ""), false);
        return row -> ORDER.compare(row, cursor) > 0;
    }

    /** Ids as PostgreSQL orders them: their 16 bytes unsigned, which is also the order of their text. */
    static int compareIds(UUID a, UUID b) {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }
}
