package org.openprofiles.adapter.rest.health;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.openprofiles.application.health.CheckReadiness;

/** Liveness and readiness, open to everyone: load balancers and orchestrators call them. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public final class HealthResource {

    /** Body of both routes. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Status(String status, String database) {}

    private final CheckReadiness readiness;

    public HealthResource(CheckReadiness readiness) {
        this.readiness = readiness;
    }

    /** The process is alive and serving HTTP; says nothing about the database. */
    @GET
    @Path("health")
    public Status health() {
        return new Status("UP", null);
    }

    /** The service can do its work: 200 when the database answers, 503 when it does not. */
    @GET
    @Path("ready")
    public Response ready() {
        CheckReadiness.Readiness found = readiness.check();
        Status body = new Status(found.ready() ? "READY" : "NOT_READY", found.database() ? "UP" : "DOWN");
        return Response.status(found.ready() ? Response.Status.OK : Response.Status.SERVICE_UNAVAILABLE)
                .entity(body)
                .build();
    }
}
