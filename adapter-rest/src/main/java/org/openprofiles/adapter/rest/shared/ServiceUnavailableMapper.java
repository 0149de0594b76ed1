package org.openprofiles.adapter.rest.shared;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.openprofiles.domain.shared.ServiceUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A dependency out of reach (the database, typically) is a 503 with {@code Retry-After}, never a
 * 500: the client did nothing wrong and may simply repeat the request. Logged as one line,
 * without a stack trace: the cause is outside this process.
 */
public final class ServiceUnavailableMapper implements ExceptionMapper<ServiceUnavailable> {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceUnavailableMapper.class);

    @Override
    public Response toResponse(ServiceUnavailable unavailable) {
        LOG.warn("answering 503: {}", unavailable.getMessage());
        return Problem.of(
                        Status.SERVICE_UNAVAILABLE,
                        "service_unavailable",
                        null,
                        "the service cannot reach what it depends on right now; try again in "
                                + unavailable.retryAfterSeconds() + " seconds")
                .toResponse(Response.status(Status.SERVICE_UNAVAILABLE)
                        .header(HttpHeaders.RETRY_AFTER, unavailable.retryAfterSeconds()));
    }
}
