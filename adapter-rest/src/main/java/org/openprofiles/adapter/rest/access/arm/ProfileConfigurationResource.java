package org.openprofiles.adapter.rest.access.arm;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import org.openprofiles.adapter.rest.shared.Caller;
import org.openprofiles.adapter.rest.shared.Requires;
import org.openprofiles.application.access.ShowProfileConfiguration;
import org.openprofiles.domain.security.Action;

/**
 * What a profile editor needs before it edits: the colour palette, the configuration form and the
 * attribute picker, as the Access Rights Manager's {@code Colors}, {@code Configuration} and
 * {@code Attributes} routes answer them.
 */
@Requires(value = Action.READ_ACCESS_PROFILES, on = "access-profile")
@Path("api/v1/profiles")
@Produces(MediaType.APPLICATION_JSON)
public final class ProfileConfigurationResource {

    private final ShowProfileConfiguration configuration;

    public ProfileConfigurationResource(ShowProfileConfiguration configuration) {
        this.configuration = configuration;
    }

    @GET
    @Path("colors")
    public List<ColorModel> colors(@Context SecurityContext security) {
        return configuration.palette(Caller.of(security)).stream()
                .map(ColorModel::from)
                .toList();
    }

    @GET
    @Path("configuration")
    public FormTemplates.Container configuration(@Context SecurityContext security) {
        return FormTemplates.configuration(configuration.settings(Caller.of(security)));
    }

    @GET
    @Path("attributes")
    public FormTemplates.LdapAttributePicker attributes(@Context SecurityContext security) {
        return FormTemplates.attributes(configuration.catalog(Caller.of(security)));
    }
}
