package org.openprofiles.adapter.rest.health;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.openprofiles.application.health.CheckHealth;

/**
 * Liveness, readiness and start-up, open to everyone: load balancers and orchestrators call them.
 * {@code /health/live}, {@code /health/ready} and {@code /health/started} answer in MicroProfile
 * Health's shape ({@code {"status":"UP","checks":[…]}}, 503 with {@code DOWN}), which Kubernetes
 * probes and monitoring presets know; {@code /health} and {@code /ready} keep their first shape for
 * existing users.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public final class HealthResource {

    /** Body of {@code /health} and {@code /ready}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Status(String status, String database) {}

    /** Body of the MicroProfile Health routes. */
    public record HealthModel(String status, List<CheckModel> checks) {}

    /** One named check: {@code UP} or {@code DOWN}, with facts for an operator. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record CheckModel(String name, String status, Map<String, Object> data) {}

    private final CheckHealth health;

    public HealthResource(CheckHealth health) {
        this.health = health;
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
        CheckHealth.Report found = health.readiness();
        boolean database = found.checks().stream().anyMatch(c -> c.name().equals(CheckHealth.DATABASE) && c.up());
        Status body = new Status(found.up() ? "READY" : "NOT_READY", database ? "UP" : "DOWN");
        return Response.status(found.up() ? Response.Status.OK : Response.Status.SERVICE_UNAVAILABLE)
                .entity(body)
                .build();
    }

    /** Liveness: 200 while the process serves HTTP (a restart would not help anything else). */
    @GET
    @Path("health/live")
    public Response live() {
        return answer(health.liveness());
    }

    /** Readiness: 200 when start-up is done, the database answers and every required check is up; else 503. */
    @GET
    @Path("health/ready")
    public Response readiness() {
        return answer(health.readiness());
    }

    /** Start-up: 200 once the server has finished starting; 503 before. */
    @GET
    @Path("health/started")
    public Response started() {
        return answer(health.startup());
    }

    private static Response answer(CheckHealth.Report report) {
        HealthModel body = new HealthModel(
                upOrDown(report.up()),
                report.checks().stream()
                        .map(c -> new CheckModel(c.name(), upOrDown(c.up()), c.data()))
                        .toList());
        return Response.status(report.up() ? Response.Status.OK : Response.Status.SERVICE_UNAVAILABLE)
                .entity(body)
                .build();
    }

    private static String upOrDown(boolean up) {
        return up ? "UP" : "DOWN";
    }
}
