package org.openprofiles.adapter.rest.certificate.cm;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
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
import org.openprofiles.adapter.rest.shared.VendorQuery;
import org.openprofiles.application.certificate.GetProfile;
import org.openprofiles.application.certificate.ListProfilesForUser;
import org.openprofiles.application.certificate.ProfileWithOperations;
import org.openprofiles.domain.certificate.CertificateProfileId;
import org.openprofiles.domain.certificate.ProfileOperation;
import org.openprofiles.domain.certificate.StatusFilter;
import org.openprofiles.domain.security.Principal;
import org.openprofiles.domain.security.UserId;
import org.openprofiles.domain.shared.Page;

/**
 * Certificate Management "Get profile data": {@code GET /CertificateManagement/api/v1.0/profiles},
 * {@code …/profiles/{id}} and {@code …/profiles/{id}/operations}, answered as the vendor's document shows. Nothing to return is 204
 * with no body. Query parameter names match in any case, as the vendor's server binds them.
 */
@Path("certificatemanagement/api/v1.0")
@Produces(MediaType.APPLICATION_JSON)
public final class CertificateProfilesResource {

    /** The agent's parameter naming whose profiles to list: a user GUID or {@code current}. */
    public static final String TARGET_USER = "targetuser";

    private final ListProfilesForUser listProfiles;
    private final GetProfile getProfile;

    public CertificateProfilesResource(ListProfilesForUser listProfiles, GetProfile getProfile) {
        this.listProfiles = listProfiles;
        this.getProfile = getProfile;
    }

    // The hot reads take the request as their one @Context parameter: Jersey resolves each such
    // parameter through its injection manager on every call, which showed in the profile.

    @GET
    @Path("profiles")
    @Parameter(
            in = ParameterIn.QUERY,
            name = "status",
            description = "Active, Approved, Canceled, Completed, "
                    + "Denied, Executing, Failed, None or Pending; absent: every status")
    @Parameter(in = ParameterIn.QUERY, name = TARGET_USER, description = "agents: whose profiles (a user GUID)")
    @Parameter(in = ParameterIn.QUERY, name = Paging.LIMIT, description = "page size")
    @Parameter(in = ParameterIn.QUERY, name = Paging.CURSOR, description = "the next page, from the Link header")
    @ApiResponse(
            responseCode = "200",
            description = "the caller's profiles with the operations it may perform",
            content = @Content(array = @ArraySchema(schema = @Schema(implementation = ProfileModel.class))))
    @ApiResponse(responseCode = "204", description = "no profile")
    public Response list(@Context ContainerRequestContext request) {
        UriInfo uri = request.getUriInfo();
        Principal caller = Caller.of(request.getSecurityContext());
        StatusFilter status = StatusFilter.parse(VendorQuery.first(uri, "status"));
        Optional<UserId> target = targetUser(VendorQuery.first(uri, TARGET_USER));
        var page = Paging.request(VendorQuery.first(uri, Paging.LIMIT), VendorQuery.first(uri, Paging.CURSOR));
        Page<ProfileWithOperations> found =
                listProfiles.list(caller, new ListProfilesForUser.Query(target, status, page));
        if (found.isEmpty()) {
            return Response.noContent().build();
        }
        List<ProfileModel> body = found.items().stream().map(ProfileModel::from).toList();
        return Paging.linkNext(Response.ok(body), uri, found).build();
    }

    @GET
    @Path("profiles/{id}")
    @ApiResponse(
            responseCode = "200",
            description = "the profile",
            content = @Content(schema = @Schema(implementation = ProfileModel.class)))
    @ApiResponse(responseCode = "204", description = "no such profile the caller may see")
    public Response get(@PathParam("id") String id, @Context ContainerRequestContext request) {
        CertificateProfileId profileId = new CertificateProfileId(Guids.parse(id, "id"));
        return getProfile
                .get(Caller.of(request.getSecurityContext()), profileId)
                .map(seen -> Response.ok(ProfileModel.from(seen)).build())
                .orElseGet(() -> Response.noContent().build());
    }

    /** The operations the caller may perform on the profile, lower case; 204 when none or not the caller's to see. */
    @GET
    @Path("profiles/{id}/operations")
    public Response operations(@PathParam("id") String id, @Context SecurityContext security) {
        CertificateProfileId profileId = new CertificateProfileId(Guids.parse(id, "id"));
        List<String> operations = getProfile
                .get(Caller.of(security), profileId)
                .map(seen -> seen.operations().stream()
                        .map(ProfileOperation::wireName)
                        .toList())
                .orElse(List.of());
        if (operations.isEmpty()) {
            return Response.noContent().build();
        }
        return Response.ok(operations).build();
    }

    /** The user a {@code targetuser} value names: empty for none, blank or {@code current}. */
    static Optional<UserId> targetUser(String value) {
        if (value == null || value.isBlank() || value.strip().equalsIgnoreCase("current")) {
            return Optional.empty();
        }
        return Optional.of(new UserId(Guids.parse(value, TARGET_USER)));
    }
}
