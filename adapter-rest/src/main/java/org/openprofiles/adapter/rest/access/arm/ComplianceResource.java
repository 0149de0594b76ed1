package org.openprofiles.adapter.rest.access.arm;

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
import org.openprofiles.application.access.ComplianceReport;
import org.openprofiles.domain.access.AccessProfileId;
import org.openprofiles.domain.security.Action;

/**
 * The compliance report (our extension beside the vendor's routes): accounts with their
 * deviations, filtered by {@code profileId} and {@code nonCompliantOnly}, paged by user name.
 */
@Requires(value = Action.READ_ACCESS_PROFILES, on = "access-profile")
@Path("api/v1/profiles")
@Produces(MediaType.APPLICATION_JSON)
public final class ComplianceResource {

    private final ComplianceReport compliance;

    public ComplianceResource(ComplianceReport compliance) {
        this.compliance = compliance;
    }

    @GET
    @Path("compliance")
    public Response compliance(@Context SecurityContext security, @Context UriInfo uri) {
        ArmQuery query = new ArmQuery(uri);
        ComplianceReport.Query filter = new ComplianceReport.Query(
                query.optionalGuid("profileId").map(AccessProfileId::new), query.flag("nonCompliantOnly"));
        return Paging.plainArray(
                compliance.report(Caller.of(security), filter, query.page()), ComplianceModel::from, uri);
    }
}
