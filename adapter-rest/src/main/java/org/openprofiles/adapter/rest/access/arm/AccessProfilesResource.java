package org.openprofiles.adapter.rest.access.arm;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.openprofiles.adapter.rest.shared.Bulk;
import org.openprofiles.adapter.rest.shared.Caller;
import org.openprofiles.adapter.rest.shared.DomainFailureMapper;
import org.openprofiles.adapter.rest.shared.Paging;
import org.openprofiles.adapter.rest.shared.Requires;
import org.openprofiles.application.access.DeleteAccessProfile;
import org.openprofiles.application.access.DescribeProfileUsage;
import org.openprofiles.application.access.GetAccessProfiles;
import org.openprofiles.application.access.ListAccessProfiles;
import org.openprofiles.application.access.SaveAccessProfile;
import org.openprofiles.domain.access.AccessProfile;
import org.openprofiles.domain.access.AccessProfileId;
import org.openprofiles.domain.access.ProfileFilter;
import org.openprofiles.domain.security.Action;
import org.openprofiles.domain.security.Principal;
import org.openprofiles.domain.shared.DomainFailure;
import org.openprofiles.domain.shared.Invalid;
import org.openprofiles.domain.shared.Invalid.Violation;
import org.openprofiles.domain.shared.Page;

/**
 * The Access Rights Manager "Profile Management APIs" on profiles themselves under
 * {@code /api/v1/Profiles}, matched in any case (paths are lower-cased before matching, query
 * parameter names are looked up ignoring case): the list, additional information, CreateUpdate and
 * Delete. The other routes under the same prefix live in their own resources, which Jersey merges.
 */
@Requires(value = Action.READ_ACCESS_PROFILES, on = "access-profile")
@Path("api/v1/profiles")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class AccessProfilesResource {

    private static final String ADDITIONAL_INFORMATION = "AdditionalProfileInformation";

    /** The use cases behind these routes. */
    public record UseCases(
            ListAccessProfiles list,
            GetAccessProfiles get,
            SaveAccessProfile save,
            DeleteAccessProfile delete,
            DescribeProfileUsage usage) {}

    private final UseCases useCases;
    private final ZoneId zone;
    private final ProfileListJson listJson;

    public AccessProfilesResource(UseCases useCases, ZoneId zone) {
        this.useCases = useCases;
        this.zone = zone;
        this.listJson = new ProfileListJson(zone);
    }

    /** All profiles by name (paged, filtered by {@code name} / {@code search}), or those named by AdditionalProfileInformation. */
    @GET
    @Parameter(in = ParameterIn.QUERY, name = "name", description = "profiles whose name starts with this")
    @Parameter(in = ParameterIn.QUERY, name = "search", description = "profiles whose name contains this")
    @Parameter(
            in = ParameterIn.QUERY,
            name = ADDITIONAL_INFORMATION,
            description = "instead of the list: the profiles with these ids (repeatable)")
    @Parameter(in = ParameterIn.QUERY, name = Paging.LIMIT, description = "page size")
    @Parameter(in = ParameterIn.QUERY, name = Paging.CURSOR, description = "the next page, from the Link header")
    @ApiResponse(
            responseCode = "200",
            description = "profiles by name",
            content = @Content(array = @ArraySchema(schema = @Schema(implementation = ProfileModel.class))))
    public Response profiles(@Context SecurityContext security, @Context UriInfo uri) {
        ArmQuery query = new ArmQuery(uri);
        if (query.has(ADDITIONAL_INFORMATION)) {
            List<AccessProfileId> ids = query.all(ADDITIONAL_INFORMATION).stream()
                    .map(id -> new AccessProfileId(ArmQuery.guid(id, ADDITIONAL_INFORMATION)))
                    .toList();
            List<AccessProfile> found = useCases.get().get(Caller.of(security), ids, ADDITIONAL_INFORMATION);
            Response.ResponseBuilder response = Response.ok(
                    found.stream().map(p -> ProfileModel.from(p, zone)).toList());
            if (found.size() == 1) {
                response.tag(Long.toString(found.get(0).version()));
            }
            return response.build();
        }
        Page<AccessProfile> page = useCases.list()
                .list(
                        Caller.of(security),
                        new ProfileFilter(query.optional("name"), query.optional("search")),
                        query.page());
        return Paging.linkNext(Response.ok(listJson.array(page.items()), MediaType.APPLICATION_JSON_TYPE), uri, page)
                .build();
    }

    /** Map of profile id to {assignedAccounts, nonCompliantAccounts} for a list of profile ids. */
    @POST
    @Path("additionalprofileinformation")
    public Map<String, ProfileUsageModel> additionalInformation(@Context SecurityContext security, List<String> ids) {
        if (ids == null) {
            throw new Invalid("required", "body", "the body must be a JSON array of profile ids");
        }
        List<AccessProfileId> profiles = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            profiles.add(new AccessProfileId(ArmQuery.guid(ids.get(i), "[" + i + "]")));
        }
        Map<String, ProfileUsageModel> usage = new LinkedHashMap<>();
        useCases.usage()
                .describe(Caller.of(security), profiles)
                .forEach((id, counted) -> usage.put(id.toString(), ProfileUsageModel.from(counted)));
        return usage;
    }

    /**
     * Creates (no id, the nil GUID, or an id no profile has) or updates a profile. Failures answer
     * the creation result with its errors, under the status the service gives that failure
     * everywhere: 400 invalid, 404, 409 name taken or stale body version, 412 stale If-Match.
     */
    @Requires(value = Action.MANAGE_ACCESS_PROFILES, on = "access-profile")
    @Bulk // a profile may list 10,000 groups
    @POST
    @Path("createupdate")
    @ApiResponse(
            responseCode = "200",
            description = "created or updated; on failure the same model with its errors, under the failure's status",
            content = @Content(schema = @Schema(implementation = ProfileCreationResultModel.class)))
    public Response createUpdate(
            @Context SecurityContext security, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, ProfileBody body) {
        Principal caller = Caller.of(security);
        UUID requestedId = null;
        try {
            if (body == null) {
                throw new Invalid("required", "body", "the body must be a profile");
            }
            Optional<AccessProfileId> id = body.profileId();
            requestedId = id.map(AccessProfileId::value).orElse(null);
            Optional<Long> ifMatchVersion = ifMatchVersion(ifMatch);
            List<Violation> malformed = new ArrayList<>();
            SaveAccessProfile.Saved saved = useCases.save()
                    .save(
                            caller,
                            new SaveAccessProfile.Command(
                                    id,
                                    body.draft(malformed),
                                    ifMatchVersion,
                                    Optional.ofNullable(body.version()),
                                    malformed));
            AccessProfile profile = saved.profile();
            ProfileCreationResultModel result = new ProfileCreationResultModel(
                    true,
                    profile.id().value(),
                    saved.created(),
                    profile.version(),
                    ProfileModel.from(profile, zone),
                    List.of());
            Response.ResponseBuilder response = saved.created()
                    ? Response.created(URI.create("/api/v1/Profiles?" + ADDITIONAL_INFORMATION + "=" + profile.id()))
                    : Response.ok();
            return response.tag(Long.toString(profile.version())).entity(result).build();
        } catch (DomainFailure failure) {
            if (!ErrorModel.reportedInBody(failure)) {
                throw failure;
            }
            return Response.status(DomainFailureMapper.statusOf(failure))
                    .entity(ProfileCreationResultModel.failed(requestedId, ErrorModel.from(failure)))
                    .build();
        }
    }

    @Requires(value = Action.MANAGE_ACCESS_PROFILES, on = "access-profile")
    @DELETE
    @Path("delete")
    @Parameter(in = ParameterIn.QUERY, name = "profileId", required = true, description = "the profile's GUID")
    @ApiResponse(
            responseCode = "200",
            description = "deleted",
            content = @Content(schema = @Schema(implementation = ProfileDeletionResultModel.class)))
    public Response delete(@Context SecurityContext security, @Context UriInfo uri) {
        Principal caller = Caller.of(security);
        UUID id = null;
        try {
            id = new ArmQuery(uri).requiredGuid("profileId");
            DeleteAccessProfile.Deleted deleted = useCases.delete().delete(caller, new AccessProfileId(id));
            return Response.ok(new ProfileDeletionResultModel(
                            true, id, deleted.profile().name(), deleted.removedAssignments(), List.of()))
                    .build();
        } catch (DomainFailure failure) {
            if (!ErrorModel.reportedInBody(failure)) {
                throw failure;
            }
            return Response.status(DomainFailureMapper.statusOf(failure))
                    .entity(new ProfileDeletionResultModel(false, id, null, 0, ErrorModel.from(failure)))
                    .build();
        }
    }

    /** {@code If-Match: "3"} (or {@code W/"3"}) → 3; anything else is a 400 naming If-Match. */
    private static Optional<Long> ifMatchVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return Optional.empty();
        }
        String tag = ifMatch.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        tag = tag.replace("\"", "");
        try {
            return Optional.of(Long.parseLong(tag));
        } catch (NumberFormatException e) {
            throw new Invalid(
                    "invalid_if_match", "If-Match", "If-Match must be an ETag this service issued, e.g. \"3\"");
        }
    }
}
