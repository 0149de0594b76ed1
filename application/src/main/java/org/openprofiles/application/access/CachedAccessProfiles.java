package org.openprofiles.application.access;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.openprofiles.application.shared.ChangeAwareCache;
import org.openprofiles.application.shared.ChangeFeed;
import org.openprofiles.application.shared.ChangeFeed.Topic;
import org.openprofiles.application.shared.Transactions;
import org.openprofiles.domain.access.AccessProfile;
import org.openprofiles.domain.access.AccessProfileId;
import org.openprofiles.domain.access.AccessProfiles;
import org.openprofiles.domain.access.ProfileFilter;
import org.openprofiles.domain.shared.Page;
import org.openprofiles.domain.shared.PageRequest;

/**
 * The access-profile port with the profiles that the ARM list shows kept in memory: a page is read
 * as ids through the name index, and the profiles (their groups and attribute values) come from
 * memory. A profile changed (on any node, its groups or values too) or a group it shows renamed is
 * dropped at once through the {@link ChangeFeed}; inside a unit of work the stored profiles are read
 * as before. Profiles with more than {@link #KEPT_DETAILS_AT_MOST} groups and values are read each
 * time, so that the cache's entry bound also bounds its memory.
 */
public final class CachedAccessProfiles implements AccessProfiles {

    /** Larger profiles are not kept: 10,000 entries of this size are a few hundred MB at worst. */
    public static final int KEPT_DETAILS_AT_MOST = 1_000;

    /** The order of {@link AccessProfiles#findAll}: names compared as {@code lower(name)}. */
    private static final Comparator<AccessProfile> BY_NAME =
            Comparator.comparing(profile -> profile.name().toLowerCase(Locale.ROOT));

    private final AccessProfiles stored;
    private final ChangeAwareCache<AccessProfileId, AccessProfile> cache;

    public CachedAccessProfiles(
            AccessProfiles stored, ChangeFeed changes, Transactions transactions, ChangeAwareCache.Settings settings) {
        this.stored = stored;
        this.cache = new ChangeAwareCache<>(
                changes,
                transactions,
                settings,
                CachedAccessProfiles::affects,
                profile -> profile.details() <= KEPT_DETAILS_AT_MOST,
                System::nanoTime);
    }

    private static boolean affects(ChangeFeed.Change change, AccessProfile profile) {
        if (change.topic() == Topic.ACCESS_PROFILE) {
            return profile.id().value().equals(change.id());
        }
        return change.topic() == Topic.DIRECTORY_GROUP
                && profile.groups().stream().anyMatch(g -> g.id().value().equals(change.id()));
    }

    @Override
    public Page<AccessProfile> list(ProfileFilter filter, PageRequest page) {
        Page<AccessProfileId> ids = stored.listIds(filter, page);
        // A profile deleted between the two reads is simply not on the page.
        return new Page<>(inOrderOf(ids.items()), ids.nextCursor());
    }

    private Map<AccessProfileId, AccessProfile> load(Collection<AccessProfileId> ids) {
        Map<AccessProfileId, AccessProfile> byId = new LinkedHashMap<>();
        stored.findAll(ids).forEach(profile -> byId.put(profile.id(), profile));
        return byId;
    }

    @Override
    public Page<AccessProfileId> listIds(ProfileFilter filter, PageRequest page) {
        return stored.listIds(filter, page);
    }

    /** The profiles that exist among {@code ids}, ordered by name as the port promises; from memory where kept. */
    @Override
    public List<AccessProfile> findAll(Collection<AccessProfileId> ids) {
        List<AccessProfile> found = inOrderOf(ids);
        found.sort(BY_NAME);
        return found;
    }

    /** The profiles that exist among {@code ids}, in the order of {@code ids}. */
    private List<AccessProfile> inOrderOf(Collection<AccessProfileId> ids) {
        Map<AccessProfileId, AccessProfile> found = cache.getAll(ids, this::load);
        List<AccessProfile> profiles = new ArrayList<>(found.size());
        for (AccessProfileId id : ids) {
            AccessProfile profile = found.get(id);
            if (profile != null) {
                profiles.add(profile);
            }
        }
        return profiles;
    }

    @Override
    public Optional<AccessProfile> find(AccessProfileId id) {
        return stored.find(id);
    }

    @Override
    public Set<AccessProfileId> existing(Collection<AccessProfileId> ids) {
        return stored.existing(ids);
    }

    @Override
    public boolean nameTaken(String name, Optional<AccessProfileId> except) {
        return stored.nameTaken(name, except);
    }

    @Override
    public void add(AccessProfile profile) {
        stored.add(profile);
    }

    @Override
    public AccessProfile update(AccessProfile profile) {
        return stored.update(profile);
    }

    @Override
    public boolean delete(AccessProfileId id) {
        return stored.delete(id);
    }
}
