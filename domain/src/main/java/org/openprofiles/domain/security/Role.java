package org.openprofiles.domain.security;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.openprofiles.domain.shared.Invalid;

/** What a user is trusted with. Roles add up; {@link #ADMIN} may do everything. */
public enum Role {
    /** Everything, including users, tokens, templates and configuration. */
    ADMIN("admin"),
    /** Create, update and delete access profiles and their assignments. */
    PROFILE_MANAGER("profile-manager"),
    /** Read access profiles. */
    PROFILE_READER("profile-reader"),
    /** Act on other users' certificate profiles where a template allows agents. */
    CM_AGENT("cm-agent"),
    /** Approve or deny certificate requests. */
    CM_APPROVER("cm-approver"),
    /** Read the service's metrics (a monitoring system's account); nothing else. */
    METRICS_READER("metrics-reader");

    private final String wireName;

    Role(String wireName) {
        this.wireName = wireName;
    }

    /** The name used in APIs, tokens and storage, e.g. {@code profile-manager}. */
    public String wireName() {
        return wireName;
    }

    public static Optional<Role> fromWireName(String name) {
        return Arrays.stream(values())
                .filter(r -> r.wireName.equalsIgnoreCase(name == null ? "" : name.strip()))
                .findFirst();
    }

    /**
     * Roles named by their wire names, as a client sends them; an unknown or blank name is
     * {@link Invalid} naming {@code field}, so nothing is written with half the roles.
     */
    public static Set<Role> parseAll(Collection<String> names, String field) {
        if (names == null) {
            throw new Invalid("required", field, field + " is required (an empty list removes every role)");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : names) {
            roles.add(fromWireName(name)
                    .orElseThrow(() -> new Invalid(
                            "unknown_role",
                            field,
                            "unknown role '" + name + "'; known roles: "
                                    + Arrays.stream(values())
                                            .map(Role::wireName)
                                            .toList())));
        }
        return roles;
    }
}
