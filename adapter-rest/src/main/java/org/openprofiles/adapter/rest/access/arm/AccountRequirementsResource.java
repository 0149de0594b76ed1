package org.openprofiles.adapter.rest.access.arm;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import org.openprofiles.adapter.rest.shared.Caller;
import org.openprofiles.adapter.rest.shared.Paging;
import org.openprofiles.adapter.rest.shared.Requires;
import org.openprofiles.application.access.ShowAccountRequirements;
import org.openprofiles.domain.access.AccountId;
import org.openprofiles.domain.security.Action;

/**
 * What an account's assigned profiles require of it: {@code AttributesByAccount} and
 * {@code GroupsByAccount}, each a paged plain array.
 */
@Requires(value = Action.READ_ACCESS_PROFILES, on = "access-profile")
@Path("api/v1/profiles")
@Produces(MediaType.APPLICATION_JSON)
public final class AccountRequirementsResource {

    private final ShowAccountRequirements requirements;

    public AccountRequirementsResource(ShowAccountRequirements requirements) {
        this.requirements = requirements;
    }

    @GET
    @Path("attributesbyaccount")
    @Parameter(in = ParameterIn.QUERY, name = "accountId", required = true, description = "the account's GUID")
    @Parameter(in = ParameterIn.QUERY, name = Paging.LIMIT, description = "page size")
    @Parameter(in = ParameterIn.QUERY, name = Paging.CURSOR, description = "the next page, from the Link header")
    @ApiResponse(
            responseCode = "200",
            content = @Content(array = @ArraySchema(schema = @Schema(implementation = AttributeModel.class))))
    public Response attributesByAccount(@Context SecurityContext security, @Context UriInfo uri) {
        ArmQuery query = new ArmQuery(uri);
        return Paging.plainArray(
                requirements.attributes(
                        Caller.of(security), new AccountId(query.requiredGuid("accountId")), query.page()),
                AttributeModel::from,
                uri);
    }

    @GET
    @Path("groupsbyaccount")
    @Parameter(in = ParameterIn.QUERY, name = "accountId", required = true, description = "the account's GUID")
    @Parameter(in = ParameterIn.QUERY, name = Paging.LIMIT, description = "page size")
    @Parameter(in = ParameterIn.QUERY, name = Paging.CURSOR, description = "the next page, from the Link header")
    @ApiResponse(
            responseCode = "200",
            content = @Content(array = @ArraySchema(schema = @Schema(implementation = GroupModel.class))))
    public Response groupsByAccount(@Context SecurityContext security, @Context UriInfo uri) {
        ArmQuery query = new ArmQuery(uri);
        return Paging.plainArray(
                requirements.groups(Caller.of(security), new AccountId(query.requiredGuid("accountId")), query.page()),
                GroupModel::from,
                uri);
    }
}
