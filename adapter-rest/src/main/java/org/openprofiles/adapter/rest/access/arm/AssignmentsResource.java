package org.openprofiles.adapter.rest.access.arm;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.function.Function;
import org.openprofiles.adapter.rest.shared.Caller;
import org.openprofiles.adapter.rest.shared.Paging;
import org.openprofiles.adapter.rest.shared.Requires;
import org.openprofiles.application.access.AssignProfile;
import org.openprofiles.application.access.ListProfileAssignments;
import org.openprofiles.domain.access.AccessProfileId;
import org.openprofiles.domain.security.Action;

/**
 * Who holds a profile: the vendor's {@code AssignmentsByProfileId} ({@code profileId} is optional
 * there: without it every assignment, paged), and our {@code Assign} and {@code Unassign} (each
 * needs a comment to assign, kept with the assignment and audited).
 */
@Requires(value = Action.READ_ACCESS_PROFILES, on = "access-profile")
@Path("api/v1/profiles")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class AssignmentsResource {

    private final ListProfileAssignments assignments;
    private final AssignProfile assign;

    public AssignmentsResource(ListProfileAssignments assignments, AssignProfile assign) {
        this.assignments = assignments;
        this.assign = assign;
    }

    @GET
    @Path("assignmentsbyprofileid")
    @Parameter(in = ParameterIn.QUERY, name = "profileId", required = true, description = "the profile's GUID")
    @Parameter(in = ParameterIn.QUERY, name = Paging.LIMIT, description = "page size")
    @Parameter(in = ParameterIn.QUERY, name = Paging.CURSOR, description = "the next page, from the Link header")
    @ApiResponse(
            responseCode = "200",
            content = @Content(array = @ArraySchema(schema = @Schema(implementation = ProfileAssignmentModel.class))))
    public Response assignmentsByProfileId(@Context SecurityContext security, @Context UriInfo uri) {
        ArmQuery query = new ArmQuery(uri);
        return Paging.plainArray(
                assignments.list(
                        Caller.of(security), query.optionalGuid("profileId").map(AccessProfileId::new), query.page()),
                ProfileAssignmentModel::from,
                uri);
    }

    @Requires(value = Action.MANAGE_ACCESS_PROFILES, on = "access-profile")
    @POST
    @Path("assign")
    public AssignmentResultModel assign(@Context SecurityContext security, AssignmentBody body) {
        return change(body, command -> assign.assign(Caller.of(security), command));
    }

    @Requires(value = Action.MANAGE_ACCESS_PROFILES, on = "access-profile")
    @POST
    @Path("unassign")
    public AssignmentResultModel unassign(@Context SecurityContext security, AssignmentBody body) {
        return change(body, command -> assign.unassign(Caller.of(security), command));
    }

    private static AssignmentResultModel change(
            AssignmentBody body, Function<AssignProfile.Command, AssignProfile.Outcome> change) {
        AssignProfile.Command command = AssignmentBody.command(body);
        AssignProfile.Outcome outcome = change.apply(command);
        return new AssignmentResultModel(true, command.profile().value(), outcome.changed(), outcome.unchanged());
    }
}
