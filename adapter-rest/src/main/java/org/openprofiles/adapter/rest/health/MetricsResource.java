package org.openprofiles.adapter.rest.health;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.util.function.Supplier;
import org.openprofiles.adapter.rest.shared.Requires;
import org.openprofiles.domain.security.Action;

/**
 * {@code GET /metrics}: the Prometheus text exposition of every metric, for a monitoring system.
 * It needs a bearer token like any route, of a user allowed to read metrics (role
 * {@code metrics-reader}, or an admin): request rates and latencies tell an outsider a lot about
 * who uses the service and how.
 */
@Path("metrics")
@Requires(value = Action.READ_METRICS, on = "metrics")
public final class MetricsResource {

    /** Prometheus's text format, version 0.0.4. */
    static final String MEDIA_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final Supplier<String> scrape;

    /** @param scrape the metrics in the Prometheus text format, as the registry writes them now */
    public MetricsResource(Supplier<String> scrape) {
        this.scrape = scrape;
    }

    @GET
    public Response metrics() {
        return Response.ok(scrape.get(), MEDIA_TYPE).build();
    }
}
