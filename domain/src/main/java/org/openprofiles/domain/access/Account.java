package org.openprofiles.domain.access;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.openprofiles.domain.shared.Invalid;
import org.openprofiles.domain.shared.NotFound;
import org.openprofiles.domain.shared.Text;

/**
 * A directory account as the directory reports it: the groups it is actually in and the
 * attribute values it actually has (keys in lower case).
 */
public record Account(
        AccountId id,
        String samAccountName,
        String displayName,
        String distinguishedName,
        boolean enabled,
        Set<GroupId> groups,
        List<AttributeValue> attributes) {

    public Account {
        if (id == null) {
            throw new Invalid("required", "id", "an account needs an id");
        }
        if (samAccountName == null || samAccountName.isBlank()) {
            throw new Invalid("required", "samAccountName", "account " + id + " needs a samAccountName");
        }
        samAccountName = Text.atMost(samAccountName.strip(), Text.NAME, "samAccountName");
        displayName = displayName == null || displayName.isBlank()
                ? samAccountName
                : Text.atMost(displayName.strip(), Text.NAME, "displayName");
        distinguishedName =
                distinguishedName == null ? "" : Text.atMost(distinguishedName.strip(), Text.LONG, "distinguishedName");
        if (groups != null && groups.stream().anyMatch(Objects::isNull)) {
            throw new Invalid("required", "groups", "account " + id + " lists a group without an id");
        }
        if (attributes != null && attributes.stream().anyMatch(Objects::isNull)) {
            throw new Invalid("required", "attributes", "account " + id + " lists an attribute without a key");
        }
        groups = groups == null ? Set.of() : Set.copyOf(groups);
        attributes = attributes == null ? List.of() : List.copyOf(attributes);
        if (attributes.stream().map(AttributeValue::key).distinct().count() != attributes.size()) {
            throw new Invalid("duplicate_attribute", "attributes", "account " + id + " names an attribute twice");
        }
    }

    /** The account's DNS domain, read from the DC= parts of its distinguished name ("" when it has none). */
    public String fqdn() {
        return Fqdn.of(distinguishedName);
    }

    /** The failure for directory accounts that do not exist, reported against {@code field}. */
    public static NotFound notFound(Collection<AccountId> ids, String field) {
        return new NotFound(
                "account_not_found",
                field,
                ids.size() == 1 ? "no directory account " + ids.iterator().next() : "unknown accounts: " + ids);
    }
}
