package org.openprofiles.adapter.rest.shared;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

/**
 * Jersey's own refusals (unknown route 404, wrong method 405, unsupported media type 415, …) in
 * the service's error shape instead of an HTML page.
 */
public final class WebApplicationExceptionMapper implements jakarta.ws.rs.ext.ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException exception) {
        Response original = exception.getResponse();
        if (original.getStatus() < 400) {
            return original;
        }
        Response.StatusType status = original.getStatusInfo();
        String code =
                status.getReasonPhrase().toLowerCase(java.util.Locale.ROOT).replace(' ', '_');
        Response.ResponseBuilder builder = Response.status(status);
        original.getHeaders().forEach((name, values) -> {
            if (!"Content-Type".equalsIgnoreCase(name) && !"Content-Length".equalsIgnoreCase(name)) {
                values.forEach(value -> builder.header(name, value));
            }
        });
        return Problem.of(status, code, null, detailOf(exception, status)).toResponse(builder);
    }

    private static String detailOf(WebApplicationException exception, Response.StatusType status) {
        String message = exception.getMessage();
        if (message == null || message.startsWith("HTTP ")) {
            return status.getReasonPhrase();
        }
        return message;
    }
}
