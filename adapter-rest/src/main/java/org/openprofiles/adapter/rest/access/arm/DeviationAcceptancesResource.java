package org.openprofiles.adapter.rest.access.arm;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.time.Instant;
import org.openprofiles.adapter.rest.shared.Caller;
import org.openprofiles.adapter.rest.shared.Paging;
import org.openprofiles.adapter.rest.shared.Requires;
import org.openprofiles.application.access.AcceptDeviation;
import org.openprofiles.domain.access.AcceptanceId;
import org.openprofiles.domain.access.AccountId;
import org.openprofiles.domain.access.DeviationAcceptance;
import org.openprofiles.domain.security.Action;

/**
 * Accepted deviations (our extension beside the compliance report): accept one deviation of an
 * account with a mandatory comment and an optional expiry, list acceptances (per account or all,
 * newest first, paged), read one, withdraw one.
 */
@Requires(value = Action.READ_ACCESS_PROFILES, on = "access-profile")
@Path("api/v1/profiles/compliance/acceptances")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class DeviationAcceptancesResource {

    private final AcceptDeviation acceptances;
    private final Clock clock;

    public DeviationAcceptancesResource(AcceptDeviation acceptances, Clock clock) {
        this.acceptances = acceptances;
        this.clock = clock;
    }

    @Requires(value = Action.ACCEPT_DEVIATIONS, on = "access-profile")
    @POST
    public Response accept(@Context SecurityContext security, @Context UriInfo uri, AcceptanceBody body) {
        DeviationAcceptance accepted = acceptances.accept(Caller.of(security), AcceptanceBody.command(body));
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(accepted.id().toString())
                        .build())
                .entity(AcceptanceModel.from(accepted, true))
                .build();
    }

    /** Acceptances newest first, those of {@code accountId} when given. */
    @GET
    public Response list(@Context SecurityContext security, @Context UriInfo uri) {
        ArmQuery query = new ArmQuery(uri);
        Instant now = clock.instant();
        return Paging.plainArray(
                acceptances.list(
                        Caller.of(security), query.optionalGuid("accountId").map(AccountId::new), query.page()),
                a -> AcceptanceModel.from(a, a.inForceAt(now)),
                uri);
    }

    @GET
    @Path("{id}")
    public AcceptanceModel get(@Context SecurityContext security, @PathParam("id") String id) {
        DeviationAcceptance acceptance =
                acceptances.get(Caller.of(security), new AcceptanceId(ArmQuery.guid(id, "id")));
        return AcceptanceModel.from(acceptance, acceptance.inForceAt(clock.instant()));
    }

    /** Withdraws an acceptance: its deviation counts again at once. 204. */
    @Requires(value = Action.ACCEPT_DEVIATIONS, on = "access-profile")
    @DELETE
    @Path("{id}")
    public Response revoke(@Context SecurityContext security, @PathParam("id") String id) {
        acceptances.revoke(Caller.of(security), new AcceptanceId(ArmQuery.guid(id, "id")));
        return Response.noContent().build();
    }
}
