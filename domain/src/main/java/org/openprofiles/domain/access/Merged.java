package org.openprofiles.domain.access;

import java.util.Set;

/**
 * What storing a batch of directory objects changed: the ids that were new, and the ids of stored
 * objects whose content (names, DN, enabled, memberships, attribute values) differed. Ids in
 * neither were stored already exactly as given.
 */
public record Merged<I>(Set<I> added, Set<I> changed) {

    public Merged {
        added = Set.copyOf(added);
        changed = Set.copyOf(changed);
    }

    /** Nothing new, nothing changed. */
    public static <I> Merged<I> none() {
        return new Merged<>(Set.of(), Set.of());
    }
}
