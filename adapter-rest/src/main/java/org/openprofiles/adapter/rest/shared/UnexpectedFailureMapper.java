package org.openprofiles.adapter.rest.shared;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last resort: logs the cause with a correlation id and answers 500 with that id only, so a
 * stack trace never reaches a client.
 */
public final class UnexpectedFailureMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedFailureMapper.class);

    @Override
    public Response toResponse(Throwable failure) {
        String correlationId = UUID.randomUUID().toString();
        LOG.error("unexpected failure, correlation id {}", correlationId, Redacted.of(failure));
        return Problem.of(
                        Status.INTERNAL_SERVER_ERROR,
                        "internal_error",
                        null,
                        "an unexpected error occurred; quote correlation id " + correlationId)
                .withCorrelationId(correlationId)
                .toResponse();
    }
}
