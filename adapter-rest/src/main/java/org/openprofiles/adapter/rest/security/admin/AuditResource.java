package org.openprofiles.adapter.rest.security.admin;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import org.openprofiles.adapter.rest.shared.Caller;
import org.openprofiles.adapter.rest.shared.Paging;
import org.openprofiles.adapter.rest.shared.Parameters;
import org.openprofiles.adapter.rest.shared.Requires;
import org.openprofiles.application.security.ListAuditEvents;
import org.openprofiles.domain.security.Action;
import org.openprofiles.domain.security.AuditEvent;
import org.openprofiles.domain.security.AuditTrail;
import org.openprofiles.domain.security.Principal;
import org.openprofiles.domain.security.UserId;
import org.openprofiles.domain.shared.Page;

/** The audit trail, for admins: {@code GET /admin/v1/audit}, newest first, filtered, paged. */
@Requires(value = Action.READ_AUDIT, on = "audit_event")
@Path("admin/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
public final class AuditResource {

    private final ListAuditEvents listEvents;

    public AuditResource(ListAuditEvents listEvents) {
        this.listEvents = listEvents;
    }

    /** Filters are optional; {@code from} is inclusive and {@code to} exclusive, both ISO-8601 instants. */
    @GET
    @ApiResponse(
            responseCode = "200",
            content = @Content(array = @ArraySchema(schema = @Schema(implementation = AuditEventModel.class))))
    public Response list(
            @QueryParam("actor") String actor,
            @QueryParam("objectType") String objectType,
            @QueryParam("objectId") String objectId,
            @QueryParam("action") String action,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam(Paging.LIMIT) String limit,
            @QueryParam(Paging.CURSOR) String cursor,
            @Context SecurityContext security,
            @Context UriInfo uri) {
        // @Requires has refused a caller without the right before these parameters are parsed.
        Principal caller = Caller.of(security);
        AuditTrail.Query query = new AuditTrail.Query(
                Parameters.optionalUuid(actor, "actor").map(UserId::new),
                Parameters.optionalText(objectType, "objectType"),
                Parameters.optionalText(objectId, "objectId"),
                Parameters.optionalText(action, "action"),
                Parameters.optionalInstant(from, "from"),
                Parameters.optionalInstant(to, "to"));
        Page<AuditEvent> page = listEvents.list(caller, query, Paging.request(limit, cursor));
        return Paging.linkNext(
                        Response.ok(
                                page.items().stream().map(AuditEventModel::from).toList()),
                        uri,
                        page)
                .build();
    }
}
