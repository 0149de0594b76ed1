package org.openprofiles.domain.security;

import java.util.Arrays;
import java.util.Optional;

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
    CM_APPROVER("cm-approver");

    private final String wireName;

    Role(String wireName) {
        this.wireName = wireName;
    }

    /** The name used in APIs, tokens and storage, e.g. {@code profile-manager}. */
    public String wireName() {
        return wireName;
    }

    public static Optional<Role> fromWireName(String name) {
        return Arrays.stream(values()).filter(r -> r.wireName.equalsIgnoreCase(name == null ? "" : name.strip())).findFirst();
    }
}
