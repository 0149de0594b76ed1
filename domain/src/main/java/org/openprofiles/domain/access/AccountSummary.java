package org.openprofiles.domain.access;

/** An account without its memberships and attribute values: what lists show. */
public record AccountSummary(
        AccountId id, String samAccountName, String displayName, String distinguishedName, boolean enabled) {

    public AccountSummary {
        if (id == null || samAccountName == null) {
            throw new IllegalArgumentException("an account summary needs an id and a samAccountName");
        }
        displayName = displayName == null ? samAccountName : displayName;
        distinguishedName = distinguishedName == null ? "" : distinguishedName;
    }

    public String fqdn() {
        return Fqdn.of(distinguishedName);
    }
}
