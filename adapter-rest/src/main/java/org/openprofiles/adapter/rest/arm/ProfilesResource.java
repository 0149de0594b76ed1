package org.openprofiles.adapter.rest.arm;

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
import jakarta.ws.rs.core.Response.Status;
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
import java.util.function.Function;
import org.openprofiles.adapter.rest.common.Caller;
import org.openprofiles.adapter.rest.common.Paging;
import org.openprofiles.application.access.AssignProfile;
import org.openprofiles.application.access.ComplianceReport;
import org.openprofiles.application.access.DeleteAccessProfile;
import org.openprofiles.application.access.DescribeProfileUsage;
import org.openprofiles.application.access.GetAccessProfiles;
import org.openprofiles.application.access.ListAccessProfiles;
import org.openprofiles.application.access.ListProfileAssignments;
import org.openprofiles.application.access.SaveAccessProfile;
import org.openprofiles.application.access.ShowAccountRequirements;
import org.openprofiles.application.access.ShowProfileConfiguration;
import org.openprofiles.domain.access.AccessProfile;
import org.openprofiles.domain.access.AccountCompliance;
import org.openprofiles.domain.access.AccountId;
import org.openprofiles.domain.access.AttributeValue;
import org.openprofiles.domain.access.ComplianceQuery;
import org.openprofiles.domain.access.GroupId;
import org.openprofiles.domain.access.ProfileAssignment;
import org.openprofiles.domain.access.ProfileDraft;
import org.openprofiles.domain.access.ProfileFilter;
import org.openprofiles.domain.access.ProfileId;
import org.openprofiles.domain.access.RequiredAttribute;
import org.openprofiles.domain.access.RequiredGroup;
import org.openprofiles.domain.security.Principal;
import org.openprofiles.domain.shared.Conflict;
import org.openprofiles.domain.shared.DomainFailure;
import org.openprofiles.domain.shared.Invalid;
import org.openprofiles.domain.shared.Invalid.Violation;
import org.openprofiles.domain.shared.NotFound;
import org.openprofiles.domain.shared.Page;
import org.openprofiles.domain.shared.PageRequest;
import org.openprofiles.domain.shared.PreconditionFailed;

/**
 * The Access Rights Manager "Profile Management APIs" under {@code /api/v1/Profiles}, matched in
 * any case (paths are lower-cased before matching, query parameter names are looked up ignoring
 * case), plus assignment and compliance routes beyond the vendor's document.
 */
@Path("api/v1/profiles")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class ProfilesResource {

    private static final String ADDITIONAL_INFORMATION = "AdditionalProfileInformation";
    private static final UUID NIL = new UUID(0, 0);

    /** The use cases behind these routes. */
    public record UseCases(ListAccessProfiles list, GetAccessProfiles get, SaveAccessProfile save,
                           DeleteAccessProfile delete, AssignProfile assign, ListProfileAssignments assignments,
                           DescribeProfileUsage usage, ShowAccountRequirements requirements,
                           ComplianceReport compliance, ShowProfileConfiguration configuration) {
    }

    private final UseCases useCases;
    private final ZoneId zone;

    public ProfilesResource(UseCases useCases, ZoneId zone) {
        this.useCases = useCases;
        this.zone = zone;
    }

    @GET
    @Path("colors")
    public List<ColorModel> colors(@Context SecurityContext security) {
        return useCases.configuration().palette(caller(security)).stream().map(ColorModel::from).toList();
    }

    @GET
    @Path("configuration")
    public FormTemplates.Container configuration(@Context SecurityContext security) {
        return FormTemplates.configuration(useCases.configuration().settings(caller(security)));
    }

    @GET
    @Path("attributes")
    public FormTemplates.LdapAttributePicker attributes(@Context SecurityContext security) {
        return FormTemplates.attributes(useCases.configuration().catalog(caller(security)));
    }

    /** All profiles by name (paged, filtered by {@code name} / {@code search}), or those named by AdditionalProfileInformation. */
    @GET
    public Response profiles(@Context SecurityContext security, @Context UriInfo uri) {
        ArmQuery query = new ArmQuery(uri);
        if (query.has(ADDITIONAL_INFORMATION)) {
            List<ProfileId> ids = query.all(ADDITIONAL_INFORMATION).stream()
                    .map(id -> new ProfileId(ArmQuery.guid(id, ADDITIONAL_INFORMATION))).toList();
            List<AccessProfile> found = useCases.get().get(caller(security), ids, ADDITIONAL_INFORMATION);
            Response.ResponseBuilder response = Response.ok(found.stream().map(p -> ProfileModel.from(p, zone)).toList());
            if (found.size() == 1) {
                response.tag(Long.toString(found.get(0).version()));
            }
            return response.build();
        }
        Page<AccessProfile> page = useCases.list().list(caller(security),
                new ProfileFilter(query.optional("name"), query.optional("search")),
                Paging.request(query.optional(Paging.LIMIT).orElse(null), query.optional(Paging.CURSOR).orElse(null)));
        return paged(page, p -> ProfileModel.from(p, zone), uri);
    }

    /** Map of profile id to {assignedAccounts, nonCompliantAccounts} for a list of profile ids. */
    @POST
    @Path("additionalprofileinformation")
    public Map<String, ProfileUsageModel> additionalInformation(@Context SecurityContext security, List<String> ids) {
        if (ids == null) {
            throw new Invalid("required", "body", "the body must be a JSON array of profile ids");
        }
        List<ProfileId> profiles = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            profiles.add(new ProfileId(ArmQuery.guid(ids.get(i), "[" + i + "]")));
        }
        Map<String, ProfileUsageModel> usage = new LinkedHashMap<>();
        useCases.usage().describe(caller(security), profiles)
                .forEach((id, counted) -> usage.put(id.toString(), ProfileUsageModel.from(counted)));
        return usage;
    }

    /**
     * Creates (no id, the nil GUID, or an id no profile has) or updates a profile. Failures answer
     * the creation result with its errors: 400 invalid, 404 -, 409 name taken or stale body
     * version, 412 stale If-Match.
     */
    @POST
    @Path("createupdate")
    public Response createUpdate(@Context SecurityContext security, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                 ProfileRequest body) {
        Principal caller = caller(security);
        UUID requestedId = null;
        try {
            if (body == null) {
                throw new Invalid("required", "body", "the body must be a profile");
            }
            Optional<ProfileId> id = profileId(body.id());
            requestedId = id.map(ProfileId::value).orElse(null);
            Optional<Long> ifMatchVersion = ifMatchVersion(ifMatch);
            List<Violation> malformed = new ArrayList<>();
            ProfileDraft draft = draft(body, malformed);
            SaveAccessProfile.Saved saved = useCases.save().save(caller, new SaveAccessProfile.Command(id, draft,
                    ifMatchVersion.or(() -> Optional.ofNullable(body.version())), malformed));
            AccessProfile profile = saved.profile();
            ProfileCreationResult result = new ProfileCreationResult(true, profile.id().value(), saved.created(),
                    profile.version(), ProfileModel.from(profile, zone), List.of());
            Response.ResponseBuilder response = saved.created()
                    ? Response.created(URI.create("/api/v1/Profiles?" + ADDITIONAL_INFORMATION + "=" + profile.id()))
                    : Response.ok();
            return response.tag(Long.toString(profile.version())).entity(result).build();
        } catch (Invalid | Conflict | PreconditionFailed | NotFound failure) {
            Status status = statusOf(failure);
            if (failure instanceof PreconditionFailed && (ifMatch == null || ifMatch.isBlank())) {
                // Stale without If-Match: the body's version (or a concurrent change) lost the race.
                status = Status.CONFLICT;
            }
            return Response.status(status).entity(ProfileCreationResult.failed(requestedId, ErrorModel.from(failure)))
                    .build();
        }
    }

    @DELETE
    @Path("delete")
    public Response delete(@Context SecurityContext security, @Context UriInfo uri) {
        Principal caller = caller(security);
        UUID id = null;
        try {
            id = new ArmQuery(uri).requiredGuid("profileId");
            DeleteAccessProfile.Deleted deleted = useCases.delete().delete(caller, new ProfileId(id));
            return Response.ok(new ProfileDeletionResult(true, id, deleted.profile().name(),
                    deleted.removedAssignments(), List.of())).build();
        } catch (Invalid | NotFound failure) {
            return Response.status(statusOf(failure))
                    .entity(new ProfileDeletionResult(false, id, null, 0, ErrorModel.from(failure))).build();
        }
    }

    @GET
    @Path("attributesbyaccount")
    public Response attributesByAccount(@Context SecurityContext security, @Context UriInfo uri) {
        ArmQuery query = new ArmQuery(uri);
        Page<RequiredAttribute> page = useCases.requirements().attributes(caller(security),
                new AccountId(query.requiredGuid("accountId")), pageOf(query));
        return paged(page, AttributeModel::from, uri);
    }

    @GET
    @Path("groupsbyaccount")
    public Response groupsByAccount(@Context SecurityContext security, @Context UriInfo uri) {
        ArmQuery query = new ArmQuery(uri);
        Page<RequiredGroup> page = useCases.requirements().groups(caller(security),
                new AccountId(query.requiredGuid("accountId")), pageOf(query));
        return paged(page, GroupModel::from, uri);
    }

    @GET
    @Path("assignmentsbyprofileid")
    public Response assignmentsByProfileId(@Context SecurityContext security, @Context UriInfo uri) {
        ArmQuery query = new ArmQuery(uri);
        Page<ProfileAssignment> page = useCases.assignments().list(caller(security),
                new ProfileId(query.requiredGuid("profileId")), pageOf(query));
        return paged(page, ProfileAssignmentModel::from, uri);
    }

    @POST
    @Path("assign")
    public AssignmentResult assign(@Context SecurityContext security, AssignmentRequest body) {
        return change(body, command -> useCases.assign().assign(caller(security), command));
    }

    @POST
    @Path("unassign")
    public AssignmentResult unassign(@Context SecurityContext security, AssignmentRequest body) {
        return change(body, command -> useCases.assign().unassign(caller(security), command));
    }

    private static AssignmentResult change(AssignmentRequest body,
                                           Function<AssignProfile.Command, AssignProfile.Outcome> change) {
        AssignProfile.Command command = command(body);
        AssignProfile.Outcome outcome = change.apply(command);
        return new AssignmentResult(true, command.profile().value(), outcome.changed(), outcome.unchanged());
    }

    /** The compliance report: {@code profileId} and {@code nonCompliantOnly} filter; paged by user name. */
    @GET
    @Path("compliance")
    public Response compliance(@Context SecurityContext security, @Context UriInfo uri) {
        ArmQuery query = new ArmQuery(uri);
        ComplianceQuery filter = new ComplianceQuery(query.optionalGuid("profileId").map(ProfileId::new),
                query.flag("nonCompliantOnly"));
        Page<AccountCompliance> page = useCases.compliance().report(caller(security), filter, pageOf(query));
        return paged(page, ComplianceModel::from, uri);
    }

    /** A page as the plain array the document shows, with {@code Link: rel="next"} when there is more. */
    private static <T> Response paged(Page<T> page, Function<T, ?> model, UriInfo uri) {
        return Paging.linkNext(Response.ok(page.items().stream().map(model).toList()), uri, page).build();
    }

    private static Principal caller(SecurityContext security) {
        return Caller.of(security);
    }

    private static PageRequest pageOf(ArmQuery query) {
        return Paging.request(query.optional(Paging.LIMIT).orElse(null), query.optional(Paging.CURSOR).orElse(null));
    }

    private static AssignProfile.Command command(AssignmentRequest body) {
        if (body == null) {
            throw new Invalid("required", "body", "the body must name profileId and accountIds");
        }
        if (body.profileId() == null || body.profileId().isBlank()) {
            throw new Invalid("required", "profileId", "profileId is required");
        }
        ProfileId profile = new ProfileId(ArmQuery.guid(body.profileId(), "profileId"));
        List<AccountId> accounts = new ArrayList<>();
        List<String> given = body.accountIds() == null ? List.of() : body.accountIds();
        for (int i = 0; i < given.size(); i++) {
            accounts.add(new AccountId(ArmQuery.guid(given.get(i), "accountIds[" + i + "]")));
        }
        return new AssignProfile.Command(profile, accounts, body.comment());
    }

    private static Optional<ProfileId> profileId(String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        UUID parsed = ArmQuery.guid(id, "id");
        return parsed.equals(NIL) ? Optional.empty() : Optional.of(new ProfileId(parsed));
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
            throw new Invalid("invalid_if_match", "If-Match", "If-Match must be an ETag this service issued, e.g. \"3\"");
        }
    }

    /**
     * The draft in the body. A malformed group id or attribute entry is added to {@code malformed}
     * and stands in the draft as a placeholder, so that every later error keeps its index.
     */
    private static ProfileDraft draft(ProfileRequest body, List<Violation> malformed) {
        List<GroupId> groups = new ArrayList<>();
        List<ProfileRequest.GroupReference> givenGroups = body.groups() == null ? List.of() : body.groups();
        for (int i = 0; i < givenGroups.size(); i++) {
            String field = "groups[" + i + "]";
            ProfileRequest.GroupReference group = givenGroups.get(i);
            try {
                if (group == null || group.anyId() == null) {
                    throw new Invalid("required", field, field + " needs an id");
                }
                groups.add(new GroupId(ArmQuery.guid(group.anyId(), field)));
            } catch (Invalid invalid) {
                malformed.addAll(invalid.violations());
                groups.add(new GroupId(NIL));
            }
        }
        List<AttributeValue> attributes = new ArrayList<>();
        List<LdapAttributeModel> givenAttributes = body.ldapAttributes() == null ? List.of() : body.ldapAttributes();
        for (int i = 0; i < givenAttributes.size(); i++) {
            LdapAttributeModel attribute = givenAttributes.get(i);
            String field = "ldapAttributes[" + i + "]";
            if (attribute == null || attribute.key() == null || attribute.key().isBlank()) {
                malformed.add(new Violation(field, "required", field + " needs a key"));
                attributes.add(new AttributeValue("?" + i, ""));
            } else if (attribute.value() != null && !(attribute.value() instanceof String
                    || attribute.value() instanceof Number || attribute.value() instanceof Boolean)) {
                malformed.add(new Violation(field, "invalid_value",
                        "attribute '" + attribute.key() + "' needs a text, number or boolean value"));
                attributes.add(new AttributeValue(attribute.key(), ""));
            } else {
                attributes.add(new AttributeValue(attribute.key(),
                        attribute.value() == null ? "" : attribute.value().toString()));
            }
        }
        return new ProfileDraft(body.name(), body.description(), body.color(), body.initials(), groups, attributes);
    }

    private static Status statusOf(DomainFailure failure) {
        if (failure instanceof NotFound) {
            return Status.NOT_FOUND;
        } else if (failure instanceof Conflict) {
            return Status.CONFLICT;
        } else if (failure instanceof PreconditionFailed) {
            return Status.PRECONDITION_FAILED;
        }
        return Status.BAD_REQUEST;
    }
}
