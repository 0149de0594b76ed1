package org.openprofiles.domain.security;

import org.openprofiles.domain.shared.Forbidden;

/**
 * The authorization port: may this principal do this action on this resource? Every use case
 * asks before it reads or writes.
 */
public interface AccessPolicy {

    boolean permits(Principal principal, Action action, Resource resource);

    /** Returns quietly when permitted; otherwise throws {@link Forbidden} naming the action. */
    default void require(Principal principal, Action action, Resource resource) {
        if (!permits(principal, action, resource)) {
            throw new Forbidden(
                    "forbidden",
                    "not allowed to "
                            + action.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " on "
                            + resource.kind());
        }
    }
}
