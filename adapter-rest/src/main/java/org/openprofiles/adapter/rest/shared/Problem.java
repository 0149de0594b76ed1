package org.openprofiles.adapter.rest.shared;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * The service's one error body, RFC 9457 {@code application/problem+json}, on every route of
 * every dialect. {@code code} is stable for machines, {@code field} names the offending input,
 * {@code errors} lists every violation when a whole document was checked, {@code requestId} is
 * the request's {@code X-Request-Id} (stamped on every problem by {@link RequestIds}, so a user
 * can quote it and an operator find the request's log lines).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        String code,
        String field,
        String correlationId,
        String requestId,
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType MEDIA = MediaType.valueOf(MEDIA_TYPE);

    /** One violated rule inside a problem. */
    public record FieldError(String field, String code, String message) {}

    public static Problem of(Response.StatusType status, String code, String field, String detail) {
        return new Problem(
                "about:blank", status.getReasonPhrase(), status.getStatusCode(), detail, code, field, null, null, null);
    }

    public Problem withErrors(List<FieldError> fieldErrors) {
        return new Problem(
                type,
                title,
                status,
                detail,
                code,
                field,
                correlationId,
                requestId,
                fieldErrors.isEmpty() ? null : List.copyOf(fieldErrors));
    }

    public Problem withCorrelationId(String id) {
        return new Problem(type, title, status, detail, code, field, id, requestId, errors);
    }

    public Problem withRequestId(String id) {
        return new Problem(type, title, status, detail, code, field, correlationId, id, errors);
    }

    public Response toResponse() {
        return toResponse(Response.status(status));
    }

    /** Builds the response on a builder that may already carry headers (e.g. WWW-Authenticate). */
    public Response toResponse(Response.ResponseBuilder builder) {
        return builder.status(status).type(MEDIA).entity(this).build();
    }
}
