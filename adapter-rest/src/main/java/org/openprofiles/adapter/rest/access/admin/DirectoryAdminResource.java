package org.openprofiles.adapter.rest.access.admin;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.openprofiles.adapter.rest.shared.Bulk;
import org.openprofiles.adapter.rest.shared.Caller;
import org.openprofiles.adapter.rest.shared.Guids;
import org.openprofiles.adapter.rest.shared.MaxItems;
import org.openprofiles.adapter.rest.shared.Paging;
import org.openprofiles.adapter.rest.shared.Requires;
import org.openprofiles.application.access.ImportDirectory;
import org.openprofiles.application.access.ReadDirectory;
import org.openprofiles.application.access.RemoveFromDirectory;
import org.openprofiles.domain.access.Account;
import org.openprofiles.domain.access.AccountId;
import org.openprofiles.domain.access.AttributeValue;
import org.openprofiles.domain.access.Group;
import org.openprofiles.domain.access.GroupId;
import org.openprofiles.domain.access.NamePrefix;
import org.openprofiles.domain.access.RemovedAccount;
import org.openprofiles.domain.access.RemovedGroup;
import org.openprofiles.domain.security.Action;
import org.openprofiles.domain.shared.Invalid;
import org.openprofiles.domain.shared.Invalid.Violation;

/**
 * The directory under {@code /admin/v1/directory} (camelCase JSON): bulk loads and removals for
 * feeds without LDAP (each all or nothing), and the accounts and groups read back, paged and
 * filtered by the start of their name.
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

    /** How many items a bulk load named, how many of them were new, and how many changed. */
    public record ImportResultModel(
            @JsonProperty("upserted") int upserted,
            @JsonProperty("added") int added,
            @JsonProperty("changed") int changed) {

        static ImportResultModel from(ImportDirectory.Outcome outcome) {
            return new ImportResultModel(outcome.upserted(), outcome.added(), outcome.changed());
        }
    }

    /** What to remove: account ids and group ids (either list may be absent). */
    public record RemovalBody(
            @JsonProperty("accounts") List<UUID> accounts,
            @JsonProperty("groups") List<UUID> groups) {}

    private final ImportDirectory importDirectory;
    private final RemoveFromDirectory remove;
    private final ReadDirectory read;

    public DirectoryAdminResource(ImportDirectory importDirectory, RemoveFromDirectory remove, ReadDirectory read) {
        this.importDirectory = importDirectory;
        this.remove = remove;
        this.read = read;
    }

    /** Accounts by samAccountName, those whose samAccountName starts with {@code name} (ignoring case). */
    @Requires(value = Action.READ_DIRECTORY, on = "directory")
    @GET
    @Path("accounts")
    public Response accounts(
            @Context SecurityContext security,
            @Context UriInfo uri,
            @QueryParam("name") String name,
            @QueryParam(Paging.LIMIT) String limit,
            @QueryParam(Paging.CURSOR) String cursor) {
        return Paging.plainArray(
                read.accounts(Caller.of(security), NamePrefix.of(name), Paging.request(limit, cursor)),
                DirectoryAccountModel::from,
                uri);
    }

    /** Groups by name, those whose name starts with {@code name}; {@code missingSince} when gone but still required. */
    @Requires(value = Action.READ_DIRECTORY, on = "directory")
    @GET
    @Path("groups")
    public Response groups(
            @Context SecurityContext security,
            @Context UriInfo uri,
            @QueryParam("name") String name,
            @QueryParam(Paging.LIMIT) String limit,
            @QueryParam(Paging.CURSOR) String cursor) {
        return Paging.plainArray(
                read.groups(Caller.of(security), NamePrefix.of(name), Paging.request(limit, cursor)),
                DirectoryGroupModel::from,
                uri);
    }

    /** Removes accounts and groups named by id, as a sync does when they are gone; unknown ids are listed. */
    @POST
    @Path("removals")
    public RemovalResultModel removals(@Context SecurityContext security, RemovalBody body) {
        if (body == null) {
            throw new Invalid("required", "body", "the body must name accounts and/or groups to remove");
        }
        return RemovalResultModel.from(remove.remove(
                Caller.of(security),
                new RemoveFromDirectory.Command(
                        ids(body.accounts(), "accounts", AccountId::new), ids(body.groups(), "groups", GroupId::new))));
    }

    /** Removes one account (its assignments end); 404 when there is none. */
    @DELETE
    @Path("accounts/{id}")
    public RemovalResultModel removeAccount(@Context SecurityContext security, @PathParam("id") String id) {
        RemovedAccount removed = remove.removeAccount(Caller.of(security), new AccountId(Guids.parse(id, "id")));
        return RemovalResultModel.from(
                new RemoveFromDirectory.Outcome(List.of(removed), List.of(), List.of(), List.of()));
    }

    /** Removes one group, or keeps it as missing when profiles require it; 404 when there is none. */
    @DELETE
    @Path("groups/{id}")
    public RemovalResultModel removeGroup(@Context SecurityContext security, @PathParam("id") String id) {
        RemovedGroup removed = remove.removeGroup(Caller.of(security), new GroupId(Guids.parse(id, "id")));
        return RemovalResultModel.from(
                new RemoveFromDirectory.Outcome(List.of(), List.of(removed), List.of(), List.of()));
    }

    private static <I> List<I> ids(List<UUID> given, String field, Function<UUID, I> id) {
        if (given == null) {
            return List.of();
        }
        List<I> ids = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            if (given.get(i) == null) {
                throw new Invalid("required", field + "[" + i + "]", field + " must list ids, not null");
            }
            ids.add(id.apply(given.get(i)));
        }
        return ids;
    }

    @POST
    @Path("groups")
    public ImportResultModel importGroups(
            @Context SecurityContext security,
            @MaxItems(value = ImportDirectory.MAX_BATCH, field = "body", code = "too_many") List<GroupBody> body) {
        List<Group> groups = each(
                body, g -> new Group(g.id() == null ? null : new GroupId(g.id()), g.name(), g.distinguishedName()));
        return ImportResultModel.from(importDirectory.groups(Caller.of(security), groups));
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
        return ImportResultModel.from(importDirectory.accounts(Caller.of(security), accounts));
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
