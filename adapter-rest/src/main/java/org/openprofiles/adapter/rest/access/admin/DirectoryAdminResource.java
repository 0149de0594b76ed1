package org.openprofiles.adapter.rest.access.admin;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.openprofiles.adapter.rest.shared.Bulk;
import org.openprofiles.adapter.rest.shared.Caller;
import org.openprofiles.adapter.rest.shared.MaxItems;
import org.openprofiles.adapter.rest.shared.Requires;
import org.openprofiles.application.access.ImportDirectory;
import org.openprofiles.domain.access.Account;
import org.openprofiles.domain.access.AccountId;
import org.openprofiles.domain.access.AttributeValue;
import org.openprofiles.domain.access.Group;
import org.openprofiles.domain.access.GroupId;
import org.openprofiles.domain.security.Action;
import org.openprofiles.domain.shared.Invalid;
import org.openprofiles.domain.shared.Invalid.Violation;

/**
 * Bulk loads of the directory for feeds without LDAP, under {@code /admin/v1/directory}
 * (camelCase JSON): groups and accounts, each load all or nothing.
 */
@Requires(value = Action.MANAGE_DIRECTORY, on = "directory")
@Bulk
@Path("admin/v1/directory")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class DirectoryAdminResource {

    /** A directory group in a bulk load. */
    public record GroupBody(
            @JsonProperty("id") UUID id,
            @JsonProperty("name") String name,
            @JsonProperty("distinguishedName") String distinguishedName) {}

    /** A directory account in a bulk load: it replaces the account's memberships and attribute values. */
    public record AccountBody(
            @JsonProperty("id") UUID id,
            @JsonProperty("samAccountName") String samAccountName,
            @JsonProperty("displayName") String displayName,
            @JsonProperty("distinguishedName") String distinguishedName,
            @JsonProperty("enabled") Boolean enabled,
            @JsonProperty("groups") List<UUID> groups,
            @JsonProperty("attributes") Map<String, String> attributes) {}

    /** How many items a bulk load wrote. */
    public record ImportResultModel(
            @JsonProperty("upserted") int upserted) {}

    private final ImportDirectory importDirectory;

    public DirectoryAdminResource(ImportDirectory importDirectory) {
        this.importDirectory = importDirectory;
    }

    @POST
    @Path("groups")
    public ImportResultModel importGroups(
            @Context SecurityContext security,
            @MaxItems(value = ImportDirectory.MAX_BATCH, field = "body", code = "too_many") List<GroupBody> body) {
        List<Group> groups = each(
                body, g -> new Group(g.id() == null ? null : new GroupId(g.id()), g.name(), g.distinguishedName()));
        return new ImportResultModel(importDirectory.groups(Caller.of(security), groups));
    }

    @POST
    @Path("accounts")
    public ImportResultModel importAccounts(
            @Context SecurityContext security,
            @MaxItems(value = ImportDirectory.MAX_BATCH, field = "body", code = "too_many") List<AccountBody> body) {
        List<Account> accounts = each(
                body,
                a -> new Account(
                        a.id() == null ? null : new AccountId(a.id()),
                        a.samAccountName(),
                        a.displayName(),
                        a.distinguishedName(),
                        a.enabled() == null || a.enabled(),
                        a.groups() == null ? null : groupIds(a.groups()),
                        a.attributes() == null
                                ? null
                                : a.attributes().entrySet().stream()
                                        .map(e -> new AttributeValue(e.getKey(), e.getValue()))
                                        .toList()));
        return new ImportResultModel(importDirectory.accounts(Caller.of(security), accounts));
    }

    /** The groups an account lists; a null entry is refused, naming the list. */
    private static Set<GroupId> groupIds(List<UUID> ids) {
        Set<GroupId> groups = new LinkedHashSet<>();
        for (UUID id : ids) {
            if (id == null) {
                throw new Invalid("required", "groups", "groups must list group ids, not null");
            }
            groups.add(new GroupId(id));
        }
        return groups;
    }

    /** Converts every item, reporting each refused one by its index, all at once. */
    private static <I, T> List<T> each(List<I> items, Function<I, T> convert) {
        if (items == null) {
            throw new Invalid("required", "body", "the body must be a JSON array");
        }
        List<T> converted = new ArrayList<>();
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            try {
                if (items.get(i) == null) {
                    throw new Invalid("required", "", "an item is null");
                }
                converted.add(convert.apply(items.get(i)));
            } catch (Invalid invalid) {
                for (Violation v : invalid.violations()) {
                    violations.add(new Violation(
                            "[" + i + "]" + (v.field().isEmpty() ? "" : "." + v.field()), v.code(), v.message()));
                }
            }
            if (violations.size() >= 100) {
                break;
            }
        }
        if (!violations.isEmpty()) {
            throw new Invalid(violations);
        }
        return converted;
    }
}
