package org.openprofiles.adapter.rest.shared;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Answers given below Jersey — by the {@link RequestIntake} and the {@link ProblemCodec}, before
 * or instead of reading a body — in the same problem+json shape and with the same security
 * headers as every other answer.
 */
final class IntakeResponses {

    private static final ObjectMapper JSON = JsonMappers.standard();

    /** The security headers of {@link SecurityHeadersFilter}. */
    static final Map<String, String> SECURITY_HEADERS = SecurityHeadersFilter.HEADERS;

    private IntakeResponses() {}

    /**
     * Makes Grizzly ignore whatever of the request's body still arrives and close the connection
     * once the answer is out, rather than reading (and discarding) the rest of it first.
     */
    static void dropRestOfBody(org.glassfish.grizzly.http.server.Request request) {
        request.getRequest().setContentBroken(true);
    }

    /** A problem body for {@code status}. */
    static byte[] problemBody(int status, String reasonPhrase, String code, String detail) {
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type != null ? type.getReasonPhrase() : reasonPhrase;
        try {
            return JSON.writeValueAsBytes(
                    new Problem("about:blank", title, status, detail, code, null, null, null, null));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem body could not be written", e);
        }
    }

    /**
     * Writes the whole answer on Grizzly's response and asks for the connection to be closed:
     * whatever of the request's body is still on its way is not read.
     */
    static void write(
            org.glassfish.grizzly.http.server.Response response,
            int status,
            String code,
            String detail,
            Map<String, String> headers) {
        byte[] body = problemBody(status, null, code, detail);
        Response.StatusType type = Response.Status.fromStatusCode(status);
        if (type != null) {
            response.setStatus(status, type.getReasonPhrase());
        } else {
            response.setStatus(status);
        }
        response.setContentType(Problem.MEDIA_TYPE);
        response.setContentLength(body.length);
        SECURITY_HEADERS.forEach(response::setHeader);
        headers.forEach(response::setHeader);
        response.setHeader("Connection", "close");
        dropRestOfBody(response.getRequest());
        try {
            response.getOutputStream().write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
