package org.openprofiles.domain.access;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.openprofiles.domain.shared.Page;
import org.openprofiles.domain.shared.PageRequest;

/** The access-profile port. Names are unique regardless of case. */
public interface AccessProfiles {

    /** Profiles ordered by name (case-insensitive), with their groups and attribute values. */
    Page<AccessProfile> list(ProfileFilter filter, PageRequest page);

    /**
     * The same page as {@link #list} (the same profiles, in the same order, with the same cursor to
     * the rest) as ids only, for a caller that keeps the profiles themselves.
     */
    Page<AccessProfileId> listIds(ProfileFilter filter, PageRequest page);

    /** The profiles with these ids that exist, ordered by name. */
    List<AccessProfile> findAll(Collection<AccessProfileId> ids);

    Optional<AccessProfile> find(AccessProfileId id);

    /** Those of {@code ids} that are stored profiles (without loading them). */
    Set<AccessProfileId> existing(Collection<AccessProfileId> ids);

    default boolean exists(AccessProfileId id) {
        return existing(List.of(id)).contains(id);
    }

    /** True when another profile than {@code except} has this name, ignoring case. */
    boolean nameTaken(String name, Optional<AccessProfileId> except);

    /** Inserts a new profile; throws {@code Conflict} when the name or id is taken. */
    void add(AccessProfile profile);

    /**
     * Stores a revised profile if its {@code version} is still the stored one; returns it with the
     * new version. Throws {@code PreconditionFailed} when stale, {@code Conflict} on a taken name.
     */
    AccessProfile update(AccessProfile profile);

    /** Deletes the profile with its groups, attribute values and assignments; false when it did not exist. */
    boolean delete(AccessProfileId id);
}
