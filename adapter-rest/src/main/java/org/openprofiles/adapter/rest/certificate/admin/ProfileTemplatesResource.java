package org.openprofiles.adapter.rest.certificate.admin;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.Optional;
import org.openprofiles.adapter.rest.shared.Caller;
import org.openprofiles.adapter.rest.shared.Guids;
import org.openprofiles.adapter.rest.shared.Paging;
import org.openprofiles.adapter.rest.shared.Requires;
import org.openprofiles.application.certificate.CreateProfileTemplate;
import org.openprofiles.application.certificate.GetProfileTemplate;
import org.openprofiles.application.certificate.ListProfileTemplates;
import org.openprofiles.application.certificate.UpdateProfileTemplate;
import org.openprofiles.domain.certificate.ProfileTemplate;
import org.openprofiles.domain.certificate.TemplateId;
import org.openprofiles.domain.security.Action;
import org.openprofiles.domain.shared.Invalid;
import org.openprofiles.domain.shared.Page;

/** Administration of profile templates: {@code /admin/v1/profile-templates}. */
@Requires(value = Action.MANAGE_PROFILE_TEMPLATES, on = "profile-template")
@Path("admin/v1/profile-templates")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class ProfileTemplatesResource {

    private final CreateProfileTemplate create;
    private final UpdateProfileTemplate update;
    private final ListProfileTemplates list;
    private final GetProfileTemplate get;

    public ProfileTemplatesResource(
            CreateProfileTemplate create,
            UpdateProfileTemplate update,
            ListProfileTemplates list,
            GetProfileTemplate get) {
        this.create = create;
        this.update = update;
        this.list = list;
        this.get = get;
    }

    /** Creates a template; {@code id} and {@code version} are optional (for migrations). 201 with Location. */
    @POST
    @ApiResponse(
            responseCode = "201",
            description = "created; Location names it",
            content = @Content(schema = @Schema(implementation = TemplateModel.class)))
    public Response create(TemplateModel body, @Context UriInfo uri, @Context SecurityContext security) {
        TemplateModel input = required(body);
        Optional<TemplateId> id =
                Optional.ofNullable(input.id()).map(value -> new TemplateId(Guids.parse(value, "id")));
        ProfileTemplate created = create.create(
                Caller.of(security),
                new CreateProfileTemplate.Command(id, Optional.ofNullable(input.version()), input.content()));
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(created.id().toString())
                        .build())
                .entity(TemplateModel.from(created))
                .build();
    }

    @GET
    @ApiResponse(
            responseCode = "200",
            content = @Content(array = @ArraySchema(schema = @Schema(implementation = TemplateModel.class))))
    public Response list(
            @QueryParam(Paging.LIMIT) String limit,
            @QueryParam(Paging.CURSOR) String cursor,
            @Context UriInfo uri,
            @Context SecurityContext security) {
        Page<ProfileTemplate> page = list.list(Caller.of(security), Paging.request(limit, cursor));
        return Paging.linkNext(
                        Response.ok(
                                page.items().stream().map(TemplateModel::from).toList()),
                        uri,
                        page)
                .build();
    }

    @GET
    @Path("{id}")
    public TemplateModel get(@PathParam("id") String id, @Context SecurityContext security) {
        return TemplateModel.from(get.get(Caller.of(security), new TemplateId(Guids.parse(id, "id"))));
    }

    /** Replaces name, description and policies; {@code version} must be the version read. The version goes up by one. */
    @PUT
    @Path("{id}")
    public TemplateModel update(@PathParam("id") String id, TemplateModel body, @Context SecurityContext security) {
        TemplateModel input = required(body);
        TemplateId templateId = new TemplateId(Guids.parse(id, "id"));
        if (input.id() != null && !new TemplateId(Guids.parse(input.id(), "id")).equals(templateId)) {
            throw new Invalid("id_mismatch", "id", "the body's id differs from the path's");
        }
        if (input.version() == null) {
            throw new Invalid("required", "version", "version (the version you read) is required");
        }
        return TemplateModel.from(update.update(Caller.of(security), templateId, input.version(), input.content()));
    }

    private static TemplateModel required(TemplateModel body) {
        if (body == null) {
            throw new Invalid("required", "body", "a template object is required");
        }
        return body;
    }
}
