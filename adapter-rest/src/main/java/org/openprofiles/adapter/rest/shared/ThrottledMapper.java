package org.openprofiles.adapter.rest.shared;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.ExceptionMapper;

/** {@link Throttled} as 429 problem+json with {@code Retry-After}. */
public final class ThrottledMapper implements ExceptionMapper<Throttled> {

    @Override
    public Response toResponse(Throttled throttled) {
        return Problem.of(
                        Status.TOO_MANY_REQUESTS,
                        "too_many_failed_sign_ins",
                        null,
                        throttled.getMessage() + "; try again in " + throttled.retryAfterSeconds() + " seconds")
                .toResponse(Response.status(Status.TOO_MANY_REQUESTS)
                        .header(HttpHeaders.RETRY_AFTER, throttled.retryAfterSeconds()));
    }
}
