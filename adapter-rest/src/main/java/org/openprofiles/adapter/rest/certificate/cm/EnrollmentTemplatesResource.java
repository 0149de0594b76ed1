package org.openprofiles.adapter.rest.certificate.cm;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.openprofiles.adapter.rest.shared.Caller;
import org.openprofiles.adapter.rest.shared.Guids;
import org.openprofiles.adapter.rest.shared.Paging;
import org.openprofiles.adapter.rest.shared.VendorQuery;
import org.openprofiles.application.certificate.ListTemplatesForRequesters;
import org.openprofiles.domain.certificate.OperationPolicy;
import org.openprofiles.domain.certificate.ProfileOperation;
import org.openprofiles.domain.certificate.ProfileTemplate;
import org.openprofiles.domain.certificate.TemplateId;
import org.openprofiles.domain.shared.Invalid;
import org.openprofiles.domain.shared.Page;

/**
 * Profile templates on the Certificate Management routes, as requesters see them:
 * {@code GET …/profiletemplates} (those the caller, or with {@code targetuser} an agent's user, may
 * enroll for), {@code GET …/profiletemplates/{id}} (ProfileTemplateLimitedView), and the workflow
 * policy of one operation at both of the vendor's addresses, {@code …/policies/{type}} and
 * {@code …/policy/workflow/{type}}. 204 when there is nothing the caller may see.
 */
@Path("certificatemanagement/api/v1.0")
@Produces(MediaType.APPLICATION_JSON)
public final class EnrollmentTemplatesResource {

    /** Policy types the vendor lists that concern smart cards only: no software template has them. */
    private static final Set<String> SMART_CARD_ONLY = Set.of("offlineunblock", "temporaryenroll", "temporarycards");

    private final ListTemplatesForRequesters templates;

    public EnrollmentTemplatesResource(ListTemplatesForRequesters templates) {
        this.templates = templates;
    }

    @GET
    @Path("profiletemplates")
    public Response enrollable(@Context UriInfo uri, @Context SecurityContext security) {
        var page = Paging.request(VendorQuery.first(uri, Paging.LIMIT), VendorQuery.first(uri, Paging.CURSOR));
        Page<ProfileTemplate> found = templates.enrollable(
                Caller.of(security),
                CertificateProfilesResource.targetUser(VendorQuery.first(uri, CertificateProfilesResource.TARGET_USER)),
                page);
        if (found.isEmpty()) {
            return Response.noContent().build();
        }
        return Paging.linkNext(
                        Response.ok(found.items().stream()
                                .map(ProfileTemplateModel::from)
                                .toList()),
                        uri,
                        found)
                .build();
    }

    @GET
    @Path("profiletemplates/{id}")
    public Response one(@PathParam("id") String id, @Context SecurityContext security) {
        return templates
                .get(Caller.of(security), templateId(id))
                .map(t -> Response.ok(ProfileTemplateModel.from(t)).build())
                .orElseGet(() -> Response.noContent().build());
    }

    @GET
    @Path("profiletemplates/{id}/policies/{type}")
    public Response policy(
            @PathParam("id") String id, @PathParam("type") String type, @Context SecurityContext security) {
        TemplateId template = templateId(id);
        Optional<ProfileOperation> operation = operation(type);
        Optional<OperationPolicy> policy = operation.flatMap(
                op -> templates.get(Caller.of(security), template).flatMap(t -> t.policyFor(op)));
        return policy.map(p -> Response.ok(WorkflowPolicyModel.from(p)).build())
                .orElseGet(() -> Response.noContent().build());
    }

    /** The URL table's address of the same policy. */
    @GET
    @Path("profiletemplates/{id}/policy/workflow/{type}")
    public Response workflowPolicy(
            @PathParam("id") String id, @PathParam("type") String type, @Context SecurityContext security) {
        return policy(id, type, security);
    }

    /**
     * The operation a policy type names, in any case ({@code Reinstate} included); empty for the
     * vendor's smart-card-only types; anything else is a 400 naming {@code type}.
     */
    private static Optional<ProfileOperation> operation(String type) {
        String name = type == null ? "" : type.strip().toLowerCase(Locale.ROOT);
        if (SMART_CARD_ONLY.contains(name)) {
            return Optional.empty();
        }
        return Optional.of(ProfileOperation.fromWireName(name)
                .orElseThrow(() -> new Invalid(
                        "unknown_policy_type",
                        "type",
                        "unknown policy type '" + type + "'; types are Enroll, Duplicate, OnlineUpdate, Renew, Recover,"
                                + " RecoverOnBehalf, Reinstate, Retire, Revoke, Unblock, Disable, Suspend")));
    }

    private static TemplateId templateId(String id) {
        return new TemplateId(Guids.parse(id, "id"));
    }
}
