package org.openprofiles.adapter.rest.access;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.openprofiles.adapter.rest.common.Caller;
import org.openprofiles.application.access.ChangeProfileConfiguration;
import org.openprofiles.application.access.ImportDirectory;
import org.openprofiles.application.access.ShowProfileConfiguration;
import org.openprofiles.domain.access.Account;
import org.openprofiles.domain.access.AccountId;
import org.openprofiles.domain.access.AttributeDefinition;
import org.openprofiles.domain.access.AttributeValue;
import org.openprofiles.domain.access.FieldType;
import org.openprofiles.domain.access.Group;
import org.openprofiles.domain.access.GroupId;
import org.openprofiles.domain.access.ProfileSettings;
import org.openprofiles.domain.security.Principal;
import org.openprofiles.domain.shared.Invalid;
import org.openprofiles.domain.shared.Invalid.Violation;

/**
 * Administration of the access side under {@code /admin/v1} (camelCase JSON): bulk directory
 * loads (all or nothing), the attribute catalog, and the access-profile configuration.
 */
@Path("admin/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class AccessAdminResource {

    /** A directory group in a bulk load. */
    public record GroupImport(@JsonProperty("id") UUID id, @JsonProperty("name") String name,
                              @JsonProperty("distinguishedName") String distinguishedName) {
    }

    /** A directory account in a bulk load: it replaces the account's memberships and attribute values. */
    public record AccountImport(@JsonProperty("id") UUID id, @JsonProperty("samAccountName") String samAccountName,
                                @JsonProperty("displayName") String displayName,
                                @JsonProperty("distinguishedName") String distinguishedName,
                                @JsonProperty("enabled") Boolean enabled, @JsonProperty("groups") List<UUID> groups,
                                @JsonProperty("attributes") Map<String, String> attributes) {
    }

    /** How many items a bulk load wrote. */
    public record ImportResult(@JsonProperty("upserted") int upserted) {
    }

    /** An attribute definition of the catalog. */
    public record AttributeDefinitionModel(@JsonProperty("key") String key, @JsonProperty("label") String label,
                                           @JsonProperty("type") String type,
                                           @JsonProperty("required") Boolean required,
                                           @JsonProperty("maxLength") Integer maxLength,
                                           @JsonProperty("forbiddenChars") String forbiddenChars,
                                           @JsonProperty("allowOnlyDefinedValues") Boolean allowOnlyDefinedValues,
                                           @JsonProperty("definedValues") List<String> definedValues,
                                           @JsonProperty("defaultValue") String defaultValue) {

        static AttributeDefinitionModel from(AttributeDefinition d) {
            return new AttributeDefinitionModel(d.key(), d.label(), d.type().wireName(), d.required(),
                    d.maxLength().orElse(null), d.forbiddenChars(), d.allowOnlyDefinedValues(), d.definedValues(),
                    d.defaultValue());
        }
    }

    /** The access-profile configuration. */
    public record ConfigurationModel(
            @JsonProperty("areUnassignedAccountsNonCompliant") Boolean areUnassignedAccountsNonCompliant) {
    }

    private final ImportDirectory importDirectory;
    private final ShowProfileConfiguration show;
    private final ChangeProfileConfiguration change;

    public AccessAdminResource(ImportDirectory importDirectory, ShowProfileConfiguration show,
                               ChangeProfileConfiguration change) {
        this.importDirectory = importDirectory;
        this.show = show;
        this.change = change;
    }

    @POST
    @Path("directory/groups")
    public ImportResult importGroups(@Context SecurityContext security, List<GroupImport> body) {
        List<Group> groups = each(body, g -> new Group(g.id() == null ? null : new GroupId(g.id()), g.name(),
                g.distinguishedName()));
        return new ImportResult(importDirectory.groups(Caller.of(security), groups));
    }

    @POST
    @Path("directory/accounts")
    public ImportResult importAccounts(@Context SecurityContext security, List<AccountImport> body) {
        List<Account> accounts = each(body, a -> new Account(a.id() == null ? null : new AccountId(a.id()),
                a.samAccountName(), a.displayName(), a.distinguishedName(), a.enabled() == null || a.enabled(),
                a.groups() == null ? null : new LinkedHashSet<>(a.groups().stream().map(GroupId::new).toList()),
                a.attributes() == null ? null : a.attributes().entrySet().stream()
                        .map(e -> new AttributeValue(e.getKey(), e.getValue())).toList()));
        return new ImportResult(importDirectory.accounts(Caller.of(security), accounts));
    }

    @GET
    @Path("access/attributes")
    public List<AttributeDefinitionModel> attributes(@Context SecurityContext security) {
        return show.catalog(Caller.of(security)).definitions().values().stream()
                .map(AttributeDefinitionModel::from).toList();
    }

    /** Adds an attribute to the catalog, or replaces its definition; the path names the key. */
    @PUT
    @Path("access/attributes/{key}")
    public AttributeDefinitionModel defineAttribute(@Context SecurityContext security, @PathParam("key") String key,
                                                    AttributeDefinitionModel body) {
        Principal caller = Caller.of(security);
        if (body == null) {
            throw new Invalid("required", "body", "the body must be an attribute definition");
        }
        if (body.key() != null && !body.key().equalsIgnoreCase(key)) {
            throw new Invalid("key_mismatch", "key", "the body's key must match the path's, or be left out");
        }
        FieldType type = FieldType.fromWireName(body.type()).orElseThrow(() -> new Invalid("invalid_type", "type",
                "type must be TextField, DatePicker, Checkbox, NumberField or ComboBox"));
        AttributeDefinition definition = new AttributeDefinition(key, body.label(), type,
                Boolean.TRUE.equals(body.required()), Optional.ofNullable(body.maxLength()), body.forbiddenChars(),
                Boolean.TRUE.equals(body.allowOnlyDefinedValues()),
                body.definedValues(), body.defaultValue());
        return AttributeDefinitionModel.from(change.define(caller, definition));
    }

    @GET
    @Path("access/configuration")
    public ConfigurationModel configuration(@Context SecurityContext security) {
        return new ConfigurationModel(show.settings(Caller.of(security)).unassignedAccountsAreNonCompliant());
    }

    @PUT
    @Path("access/configuration")
    public ConfigurationModel changeConfiguration(@Context SecurityContext security, ConfigurationModel body) {
        Principal caller = Caller.of(security);
        if (body == null || body.areUnassignedAccountsNonCompliant() == null) {
            throw new Invalid("required", "areUnassignedAccountsNonCompliant",
                    "areUnassignedAccountsNonCompliant is required (true or false)");
        }
        ProfileSettings changed = change.change(caller, new ProfileSettings(body.areUnassignedAccountsNonCompliant()));
        return new ConfigurationModel(changed.unassignedAccountsAreNonCompliant());
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
                    violations.add(new Violation("[" + i + "]" + (v.field().isEmpty() ? "" : "." + v.field()),
                            v.code(), v.message()));
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
