package org.openprofiles.adapter.rest.access.arm;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import org.openprofiles.adapter.rest.shared.Caller;
import org.openprofiles.adapter.rest.shared.Requires;
import org.openprofiles.application.access.RemediateCompliance;
import org.openprofiles.domain.access.AccessProfileId;
import org.openprofiles.domain.access.AccountId;
import org.openprofiles.domain.security.Action;

/**
 * Remediation (our extension, the Access Rights Manager's "harmonize"): {@code GET} answers the
 * plan for {@code accountId} or a page of {@code profileId}'s accounts; {@code POST} does the same
 * as a dry run unless the body says {@code "apply": true}, which needs the right to remediate and
 * settings that allow writing to the directory, and answers each change's outcome.
 */
@Requires(value = Action.READ_ACCESS_PROFILES, on = "access-profile")
@Path("api/v1/profiles/remediate")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class RemediationResource {

    private final RemediateCompliance remediate;

    public RemediationResource(RemediateCompliance remediate) {
        this.remediate = remediate;
    }

    @GET
    public RemediationModel plan(@Context SecurityContext security, @Context UriInfo uri) {
        ArmQuery query = new ArmQuery(uri);
        return RemediationModel.from(remediate.remediate(
                Caller.of(security),
                new RemediateCompliance.Command(
                        query.optionalGuid("accountId").map(AccountId::new),
                        query.optionalGuid("profileId").map(AccessProfileId::new),
                        false,
                        query.page())));
    }

    /** A dry run by default; {@code "apply": true} writes (checked again by the use case). */
    @POST
    public RemediationModel remediate(@Context SecurityContext security, RemediationBody body) {
        return RemediationModel.from(remediate.remediate(Caller.of(security), RemediationBody.command(body)));
    }
}
