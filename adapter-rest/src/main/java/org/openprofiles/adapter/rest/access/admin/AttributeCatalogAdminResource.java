package org.openprofiles.adapter.rest.access.admin;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.Optional;
import org.openprofiles.adapter.rest.shared.Bulk;
import org.openprofiles.adapter.rest.shared.Caller;
import org.openprofiles.adapter.rest.shared.Requires;
import org.openprofiles.application.access.ChangeProfileConfiguration;
import org.openprofiles.application.access.ShowProfileConfiguration;
import org.openprofiles.domain.access.AttributeDefinition;
import org.openprofiles.domain.access.FieldType;
import org.openprofiles.domain.security.Action;
import org.openprofiles.domain.shared.Invalid;

/** The attribute catalog that access profiles' LDAP attribute values are checked against: {@code /admin/v1/access/attributes}. */
@Requires(value = Action.MANAGE_SETTINGS, on = "access-settings")
@Path("admin/v1/access/attributes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class AttributeCatalogAdminResource {

    /** An attribute definition of the catalog, read and written. */
    public record AttributeDefinitionModel(
            @JsonProperty("key") String key,
            @JsonProperty("label") String label,
            @JsonProperty("type") String type,
            @JsonProperty("required") Boolean required,
            @JsonProperty("maxLength") Integer maxLength,
            @JsonProperty("forbiddenChars") String forbiddenChars,
            @JsonProperty("allowOnlyDefinedValues") Boolean allowOnlyDefinedValues,
            @JsonProperty("definedValues") List<String> definedValues,
            @JsonProperty("defaultValue") String defaultValue) {

        static AttributeDefinitionModel from(AttributeDefinition d) {
            return new AttributeDefinitionModel(
                    d.key(),
                    d.label(),
                    d.type().wireName(),
                    d.required(),
                    d.maxLength().orElse(null),
                    d.forbiddenChars(),
                    d.allowOnlyDefinedValues(),
                    d.definedValues(),
                    d.defaultValue());
        }

        /** The definition this body gives for {@code key}; a mismatched key or unknown type is a 400 naming it. */
        AttributeDefinition toDefinition(String pathKey) {
            if (key != null && !key.equalsIgnoreCase(pathKey)) {
                throw new Invalid("key_mismatch", "key", "the body's key must match the path's, or be left out");
            }
            FieldType fieldType = FieldType.fromWireName(type)
                    .orElseThrow(() -> new Invalid(
                            "invalid_type",
                            "type",
                            "type must be TextField, DatePicker, Checkbox, NumberField or ComboBox"));
            return new AttributeDefinition(
                    pathKey,
                    label,
                    fieldType,
                    Boolean.TRUE.equals(required),
                    Optional.ofNullable(maxLength),
                    forbiddenChars,
                    Boolean.TRUE.equals(allowOnlyDefinedValues),
                    definedValues,
                    defaultValue);
        }
    }

    private final ShowProfileConfiguration show;
    private final ChangeProfileConfiguration change;

    public AttributeCatalogAdminResource(ShowProfileConfiguration show, ChangeProfileConfiguration change) {
        this.show = show;
        this.change = change;
    }

    @GET
    public List<AttributeDefinitionModel> attributes(@Context SecurityContext security) {
        return show.catalog(Caller.of(security)).definitions().values().stream()
                .map(AttributeDefinitionModel::from)
                .toList();
    }

    /** Adds an attribute to the catalog, or replaces its definition; the path names the key. */
    @Bulk // definedValues may hold 1,000 values of 4,096 characters
    @PUT
    @Path("{key}")
    public AttributeDefinitionModel defineAttribute(
            @Context SecurityContext security, @PathParam("key") String key, AttributeDefinitionModel body) {
        if (body == null) {
            throw new Invalid("required", "body", "the body must be an attribute definition");
        }
        return AttributeDefinitionModel.from(change.define(Caller.of(security), body.toDefinition(key)));
    }
}
