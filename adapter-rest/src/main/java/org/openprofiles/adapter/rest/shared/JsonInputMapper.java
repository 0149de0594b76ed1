package org.openprofiles.adapter.rest.shared;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.stream.Collectors;

/**
 * A request body that is not the JSON a route expects: a 400 naming the JSON path of the
 * property at fault, never Jackson's internals.
 */
public final class JsonInputMapper implements ExceptionMapper<JsonProcessingException> {

    @Override
    public Response toResponse(JsonProcessingException exception) {
        String field = null;
        String code = "malformed_json";
        String detail = "the request body is not valid JSON: " + exception.getOriginalMessage();
        if (exception instanceof JsonMappingException mapping
                && !mapping.getPath().isEmpty()) {
            field = pathOf(mapping);
            code = exception instanceof UnrecognizedPropertyException ? "unknown_property" : "invalid_value";
            detail = exception instanceof UnrecognizedPropertyException
                    ? "unknown property '" + field + "'"
                    : "invalid value for '" + field + "': " + shortReason(mapping);
        }
        return Problem.of(Status.BAD_REQUEST, code, field, detail).toResponse();
    }

    private static String pathOf(JsonMappingException mapping) {
        return mapping.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }

    private static String shortReason(JsonMappingException mapping) {
        Throwable cause = mapping.getCause();
        String reason = cause != null && cause.getMessage() != null ? cause.getMessage() : mapping.getOriginalMessage();
        int newline = reason.indexOf('\n');
        return newline < 0 ? reason : reason.substring(0, newline);
    }
}
