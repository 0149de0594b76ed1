package org.openprofiles.domain.security;

import java.util.Optional;

/**
 * What an action is attempted on: a kind of object and, where objects belong to a user, its
 * owner. Object-level rules ("owners may read their own certificate profiles") look at the owner.
 */
public record Resource(String kind, Optional<UserId> owner) {

    public Resource {
        if (kind == null || kind.isBlank()) {
            throw new IllegalArgumentException("resource kind must not be blank");
        }
        if (owner == null) {
            throw new IllegalArgumentException("owner must not be null (use Optional.empty())");
        }
    }

    /** Something that belongs to nobody in particular: the user list, the audit trail, a setting. */
    public static Resource of(String kind) {
        return new Resource(kind, Optional.empty());
    }

    /** Something that belongs to {@code owner}. */
    public static Resource ownedBy(String kind, UserId owner) {
        return new Resource(kind, Optional.of(owner));
    }
}
