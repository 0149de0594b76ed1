package org.openprofiles.adapter.rest.access.admin;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.openprofiles.adapter.rest.shared.Caller;
import org.openprofiles.adapter.rest.shared.Requires;
import org.openprofiles.application.access.ChangeProfileConfiguration;
import org.openprofiles.application.access.ShowProfileConfiguration;
import org.openprofiles.domain.access.ProfileSettings;
import org.openprofiles.domain.security.Action;
import org.openprofiles.domain.shared.Invalid;

/** The access-profile configuration ("treat unassigned accounts as non-compliant"): {@code /admin/v1/access/configuration}. */
@Requires(value = Action.MANAGE_SETTINGS, on = "access-settings")
@Path("admin/v1/access/configuration")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class AccessConfigurationAdminResource {

    /** The access-profile configuration, read and written. */
    public record ConfigurationModel(
            @JsonProperty("areUnassignedAccountsNonCompliant")
            Boolean areUnassignedAccountsNonCompliant) {}

    private final ShowProfileConfiguration show;
    private final ChangeProfileConfiguration change;

    public AccessConfigurationAdminResource(ShowProfileConfiguration show, ChangeProfileConfiguration change) {
        this.show = show;
        this.change = change;
    }

    @GET
    public ConfigurationModel configuration(@Context SecurityContext security) {
        return new ConfigurationModel(show.settings(Caller.of(security)).unassignedAccountsAreNonCompliant());
    }

    @PUT
    public ConfigurationModel changeConfiguration(@Context SecurityContext security, ConfigurationModel body) {
        if (body == null || body.areUnassignedAccountsNonCompliant() == null) {
            throw new Invalid(
                    "required",
                    "areUnassignedAccountsNonCompliant",
                    "areUnassignedAccountsNonCompliant is required (true or false)");
        }
        ProfileSettings changed =
                change.change(Caller.of(security), new ProfileSettings(body.areUnassignedAccountsNonCompliant()));
        return new ConfigurationModel(changed.unassignedAccountsAreNonCompliant());
    }
}
