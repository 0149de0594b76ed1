package org.openprofiles.domain.access;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.openprofiles.domain.shared.Invalid.Violation;

/**
 * What a client proposes for a profile, before it is checked: the name is trimmed, initials may be
 * absent (then derived from the name). {@link #violations} lists every rule it breaks on its own;
 * the rules that need storage (unknown groups, the attribute catalog, a taken name) are checked by
 * the use case.
 */
public record ProfileDraft(
        String name,
        String description,
        Integer color,
        String initials,
        List<GroupId> groups,
        List<AttributeValue> attributes) {

    public static final int MAX_NAME_LENGTH = 256;
    public static final int MAX_DESCRIPTION_LENGTH = 4096;
    public static final int MAX_GROUPS = 10_000;
    public static final int MAX_ATTRIBUTES = 500;

    public ProfileDraft {
        name = name == null ? "" : name.strip();
        description = description == null ? "" : description;
        initials = Initials.of(initials, name);
        groups = groups == null ? List.of() : List.copyOf(groups);
        attributes = attributes == null ? List.of() : List.copyOf(attributes);
    }

    public List<Violation> violations() {
        List<Violation> violations = new ArrayList<>();
        if (name.isEmpty()) {
            violations.add(new Violation("name", "required", "name is required"));
        } else if (name.length() > MAX_NAME_LENGTH) {
            violations.add(
                    new Violation("name", "too_long", "name must be at most " + MAX_NAME_LENGTH + " characters"));
        }
        if (description.length() > MAX_DESCRIPTION_LENGTH) {
            violations.add(new Violation(
                    "description",
                    "too_long",
                    "description must be at most " + MAX_DESCRIPTION_LENGTH + " characters"));
        }
        if (color == null) {
            violations.add(new Violation("color", "required", "color is required (0.." + Palette.maxIndex() + ")"));
        } else if (!Palette.contains(color)) {
            violations.add(new Violation(
                    "color",
                    "unknown_color",
                    "color must be a palette index between 0 and " + Palette.maxIndex() + ", was " + color));
        }
        if (initials.length() > Initials.MAX_LENGTH) {
            violations.add(new Violation(
                    "initials", "too_long", "initials must be at most " + Initials.MAX_LENGTH + " characters"));
        }
        if (groups.size() > MAX_GROUPS) {
            violations.add(new Violation("groups", "too_many", "a profile may name at most " + MAX_GROUPS + " groups"));
        }
        Set<GroupId> seen = new HashSet<>();
        for (int i = 0; i < groups.size(); i++) {
            if (!seen.add(groups.get(i))) {
                violations.add(new Violation(
                        "groups[" + i + "]", "duplicate_group", "group " + groups.get(i) + " is given more than once"));
            }
        }
        if (attributes.size() > MAX_ATTRIBUTES) {
            violations.add(new Violation(
                    "ldapAttributes", "too_many", "a profile may set at most " + MAX_ATTRIBUTES + " attributes"));
        }
        return violations;
    }

    /** The same draft with its attribute values replaced by their canonical forms. */
    public ProfileDraft withAttributes(List<AttributeValue> canonical) {
        return new ProfileDraft(name, description, color, initials, groups, canonical);
    }
}
