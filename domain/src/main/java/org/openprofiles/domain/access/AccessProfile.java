package org.openprofiles.domain.access;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openprofiles.domain.shared.Conflict;
import org.openprofiles.domain.shared.NotFound;
import org.openprofiles.domain.shared.PreconditionFailed;

/**
 * A department profile: the groups an account with this profile should be in and the LDAP
 * attribute values it should have, shown with a palette colour and initials. {@code version}
 * grows by one with every stored change (optimistic concurrency).
 */
public record AccessProfile(
        AccessProfileId id,
        String name,
        String description,
        int color,
        String initials,
        Instant createdAt,
        Instant modifiedAt,
        List<Group> groups,
        List<AttributeValue> attributes,
        long version) {

    public AccessProfile {
        if (id == null || name == null || createdAt == null || modifiedAt == null) {
            throw new IllegalArgumentException("incomplete access profile");
        }
        description = description == null ? "" : description;
        groups = groups == null ? List.of() : List.copyOf(groups);
        attributes = attributes == null ? List.of() : List.copyOf(attributes);
    }

    /** How much the profile holds: its groups and attribute values together (what bounds a page or a cache). */
    public int details() {
        return groups.size() + attributes.size();
    }

    /** A new profile from a checked draft and the directory groups it names (in the draft's order). */
    public static AccessProfile create(AccessProfileId id, ProfileDraft draft, List<Group> groups, Instant now) {
        return new AccessProfile(
                id,
                draft.name(),
                draft.description(),
                draft.color(),
                draft.initials(),
                now,
                now,
                groups,
                draft.attributes(),
                1);
    }

    /** This profile changed to a checked draft; the stored version it was read at is kept for the check. */
    public AccessProfile revise(ProfileDraft draft, List<Group> groups, Instant now) {
        return new AccessProfile(
                id,
                draft.name(),
                draft.description(),
                draft.color(),
                draft.initials(),
                createdAt,
                now,
                groups,
                draft.attributes(),
                version);
    }

    /** This profile as stored at {@code storedVersion}. */
    public AccessProfile withVersion(long storedVersion) {
        return new AccessProfile(
                id, name, description, color, initials, createdAt, modifiedAt, groups, attributes, storedVersion);
    }

    /** This profile with {@code current} as its groups (the same groups as the directory names them now). */
    public AccessProfile withGroups(List<Group> current) {
        return new AccessProfile(
                id, name, description, color, initials, createdAt, modifiedAt, current, attributes, version);
    }

    /**
     * Whether {@code other} holds the same business content — name, description, colour, initials,
     * groups and attribute values — whatever its times and version: a save that would change
     * nothing is no change.
     */
    public boolean sameContentAs(AccessProfile other) {
        return name.equals(other.name)
                && description.equals(other.description)
                && color == other.color
                && initials.equals(other.initials)
                && groups.stream()
                        .map(Group::id)
                        .toList()
                        .equals(other.groups.stream().map(Group::id).toList())
                && attributes.equals(other.attributes);
    }

    /** The fields the audit trail keeps. */
    public Map<String, Object> auditFields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("name", name);
        fields.put("description", description);
        fields.put("color", color);
        fields.put("initials", initials);
        fields.put("groups", groups.stream().map(g -> g.id().toString()).toList());
        Map<String, String> values = new LinkedHashMap<>();
        attributes.forEach(a -> values.put(a.key(), a.value()));
        fields.put("ldapAttributes", values);
        return fields;
    }

    /** The failure for storing a profile whose name (in any case) or id another profile has. */
    public static Conflict nameOrIdTaken() {
        return new Conflict("duplicate_name", "name", "an access profile with this name or id exists");
    }

    /** The failure for a change based on a version of the profile that is no longer the stored one. */
    public static PreconditionFailed changedMeanwhile() {
        return new PreconditionFailed(
                "stale_version", "version", "the profile was changed by someone else meanwhile; reload it");
    }

    /** The failure for an access profile that does not exist, reported against {@code field}. */
    public static NotFound notFound(AccessProfileId id, String field) {
        return new NotFound("profile_not_found", field, "no access profile " + id);
    }
}
