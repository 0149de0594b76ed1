package org.openprofiles.adapter.rest.security.admin;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import java.util.List;
import java.util.Optional;
import org.openprofiles.adapter.rest.shared.Caller;
import org.openprofiles.adapter.rest.shared.Guids;
import org.openprofiles.adapter.rest.shared.Paging;
import org.openprofiles.adapter.rest.shared.Requires;
import org.openprofiles.application.security.CreateUser;
import org.openprofiles.application.security.DisableUser;
import org.openprofiles.application.security.EnableUser;
import org.openprofiles.application.security.GetUser;
import org.openprofiles.application.security.IssueToken;
import org.openprofiles.application.security.ListTokens;
import org.openprofiles.application.security.ListUsers;
import org.openprofiles.application.security.RevokeToken;
import org.openprofiles.application.security.SetUserAddresses;
import org.openprofiles.application.security.SetUserRoles;
import org.openprofiles.domain.security.Action;
import org.openprofiles.domain.security.ApiToken;
import org.openprofiles.domain.security.Principal;
import org.openprofiles.domain.security.Role;
import org.openprofiles.domain.security.TokenId;
import org.openprofiles.domain.security.User;
import org.openprofiles.domain.security.UserId;
import org.openprofiles.domain.shared.Invalid;
import org.openprofiles.domain.shared.Page;

/** Users and their API tokens, for admins: {@code /admin/v1/users}. */
@Requires(value = Action.MANAGE_USERS, on = "user")
@Path("admin/v1/users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class UsersResource {

    /** The use cases behind the routes, built by the wiring. */
    public record UseCases(
            CreateUser create,
            ListUsers list,
            GetUser get,
            DisableUser disable,
            EnableUser enable,
            SetUserRoles setRoles,
            SetUserAddresses setAddresses,
            IssueToken issueToken,
            ListTokens listTokens,
            RevokeToken revokeToken) {}

    private final UseCases useCases;

    public UsersResource(UseCases useCases) {
        this.useCases = useCases;
    }

    @POST
    @ApiResponse(
            responseCode = "201",
            description = "created; Location names it",
            content = @Content(schema = @Schema(implementation = UserModel.class)))
    public Response create(CreateUserBody body, @Context SecurityContext security, @Context UriInfo uri) {
        Principal caller = Caller.of(security);
        CreateUserBody request = required(body);
        CreateUser.Command command = new CreateUser.Command(
                Optional.ofNullable(request.id()).map(UserId::new),
                request.login(),
                request.displayName(),
                Role.parseAll(request.roles() == null ? List.of() : request.roles(), "roles"),
                Optional.ofNullable(request.email()),
                Optional.ofNullable(request.userPrincipalName()));
        User user = useCases.create().create(caller, command);
        return Response.created(uri.getBaseUriBuilder()
                        .path("admin/v1/users")
                        .path(user.id().toString())
                        .build())
                .entity(UserModel.from(user))
                .build();
    }

    @GET
    @ApiResponse(
            responseCode = "200",
            content = @Content(array = @ArraySchema(schema = @Schema(implementation = UserModel.class))))
    public Response list(
            @QueryParam(Paging.LIMIT) String limit,
            @QueryParam(Paging.CURSOR) String cursor,
            @Context SecurityContext security,
            @Context UriInfo uri) {
        Principal caller = Caller.of(security);
        Page<User> page = useCases.list().list(caller, Paging.request(limit, cursor));
        return Paging.linkNext(
                        Response.ok(page.items().stream().map(UserModel::from).toList()), uri, page)
                .build();
    }

    @GET
    @Path("{id}")
    public UserModel get(@PathParam("id") String id, @Context SecurityContext security) {
        Principal caller = Caller.of(security);
        return UserModel.from(useCases.get().get(caller, userId(id)));
    }

    @POST
    @Path("{id}/disable")
    public UserModel disable(@PathParam("id") String id, @Context SecurityContext security) {
        Principal caller = Caller.of(security);
        return UserModel.from(useCases.disable().disable(caller, userId(id)));
    }

    @POST
    @Path("{id}/enable")
    public UserModel enable(@PathParam("id") String id, @Context SecurityContext security) {
        Principal caller = Caller.of(security);
        return UserModel.from(useCases.enable().enable(caller, userId(id)));
    }

    @PUT
    @Path("{id}/roles")
    public UserModel setRoles(@PathParam("id") String id, SetRolesBody body, @Context SecurityContext security) {
        Principal caller = Caller.of(security);
        UserId user = userId(id);
        return UserModel.from(useCases.setRoles()
                .set(caller, user, Role.parseAll(required(body).roles(), "roles")));
    }

    /** Sets the e-mail address and user principal name; an absent or empty one is removed. */
    @PUT
    @Path("{id}/addresses")
    public UserModel setAddresses(
            @PathParam("id") String id, SetAddressesBody body, @Context SecurityContext security) {
        Principal caller = Caller.of(security);
        SetAddressesBody addresses = required(body);
        return UserModel.from(useCases.setAddresses()
                .set(
                        caller,
                        userId(id),
                        Optional.ofNullable(addresses.email()),
                        Optional.ofNullable(addresses.userPrincipalName())));
    }

    @POST
    @Path("{id}/tokens")
    @ApiResponse(
            responseCode = "201",
            description = "the token's secret, shown this once",
            content = @Content(schema = @Schema(implementation = IssuedTokenModel.class)))
    public Response issueToken(
            @PathParam("id") String id, IssueTokenBody body, @Context SecurityContext security, @Context UriInfo uri) {
        Principal caller = Caller.of(security);
        UserId user = userId(id);
        IssueTokenBody request = body == null ? new IssueTokenBody(null, null) : body;
        IssueToken.Issued issued = useCases.issueToken()
                .issue(caller, new IssueToken.Command(user, request.name(), Optional.ofNullable(request.expiresAt())));
        return Response.created(uri.getBaseUriBuilder()
                        .path("admin/v1/users")
                        .path(user.toString())
                        .path("tokens")
                        .path(issued.token().id().toString())
                        .build())
                .entity(IssuedTokenModel.from(issued))
                .build();
    }

    @GET
    @Path("{id}/tokens")
    @ApiResponse(
            responseCode = "200",
            content = @Content(array = @ArraySchema(schema = @Schema(implementation = TokenModel.class))))
    public Response listTokens(
            @PathParam("id") String id,
            @QueryParam(Paging.LIMIT) String limit,
            @QueryParam(Paging.CURSOR) String cursor,
            @Context SecurityContext security,
            @Context UriInfo uri) {
        Principal caller = Caller.of(security);
        UserId user = userId(id);
        Page<ApiToken> page = useCases.listTokens().list(caller, user, Paging.request(limit, cursor));
        return Paging.linkNext(
                        Response.ok(page.items().stream().map(TokenModel::from).toList()), uri, page)
                .build();
    }

    @DELETE
    @Path("{id}/tokens/{tokenId}")
    public Response revokeToken(
            @PathParam("id") String id, @PathParam("tokenId") String tokenId, @Context SecurityContext security) {
        Principal caller = Caller.of(security);
        UserId user = userId(id);
        TokenId token = new TokenId(Guids.parse(tokenId, "tokenId"));
        useCases.revokeToken().revoke(caller, user, token);
        return Response.noContent().build();
    }

    private static UserId userId(String id) {
        return new UserId(Guids.parse(id, "id"));
    }

    private static <T> T required(T body) {
        if (body == null) {
            throw new Invalid("body_required", "body", "this route needs a JSON body");
        }
        return body;
    }
}
