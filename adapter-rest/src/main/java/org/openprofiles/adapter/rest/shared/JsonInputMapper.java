package org.openprofiles.adapter.rest.shared;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A request body that is not the JSON a route expects: a 400 naming the JSON path of the property
 * at fault and saying, in JSON's terms, what was expected there — never Jackson's internals or the
 * name of a Java class.
 */
public final class JsonInputMapper implements ExceptionMapper<JsonProcessingException> {

    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '([^']*)'");

    @Override
    public Response toResponse(JsonProcessingException exception) {
        if (exception instanceof JsonParseException parse) {
            Matcher duplicate = DUPLICATE.matcher(String.valueOf(parse.getOriginalMessage()));
            if (duplicate.find()) {
                String key = duplicate.group(1);
                return Problem.of(
                                Status.BAD_REQUEST,
                                "duplicate_key",
                                key,
                                "the property '" + key + "' appears more than once in an object")
                        .toResponse();
            }
            return Problem.of(
                            Status.BAD_REQUEST,
                            "malformed_json",
                            null,
                            "the request body is not valid JSON (line "
                                    + parse.getLocation().getLineNr() + ", column "
                                    + parse.getLocation().getColumnNr() + ")")
                    .toResponse();
        }
        if (exception instanceof JsonMappingException mapping) {
            if (mapping.getCause() instanceof org.openprofiles.domain.shared.Invalid invalid) {
                String field = mapping.getPath().isEmpty() ? invalid.field().orElse(null) : pathOf(mapping);
                return Problem.of(Status.BAD_REQUEST, invalid.code(), field, invalid.getMessage())
                        .toResponse();
            }
            String field = mapping.getPath().isEmpty() ? null : pathOf(mapping);
            if (exception instanceof UnrecognizedPropertyException) {
                return Problem.of(Status.BAD_REQUEST, "unknown_property", field, "unknown property '" + field + "'")
                        .toResponse();
            }
            String expected = mapping instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null
                    ? describe(mismatch.getTargetType())
                    : "another value";
            String detail = field == null
                    ? "the request body must be " + expected
                    : mapping instanceof InvalidFormatException format
                            ? "invalid value for '" + field + "': '" + format.getValue() + "' is not " + expected
                            : "invalid value for '" + field + "': expected " + expected;
            return Problem.of(Status.BAD_REQUEST, field == null ? "invalid_body" : "invalid_value", field, detail)
                    .toResponse();
        }
        return Problem.of(Status.BAD_REQUEST, "malformed_json", null, "the request body is not valid JSON")
                .toResponse();
    }

    private static String pathOf(JsonMappingException mapping) {
        return mapping.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }

    /** A Java target type in the words of JSON. */
    static String describe(Class<?> type) {
        if (type == String.class || type == UUID.class || type.isEnum() || Temporal.class.isAssignableFrom(type)) {
            return type == UUID.class
                    ? "a GUID string"
                    : Temporal.class.isAssignableFrom(type) ? "an ISO-8601 date-time string" : "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != void.class)) {
            return "a number";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "a JSON array";
        }
        return Map.class.isAssignableFrom(type) || !type.getName().startsWith("java.") ? "a JSON object" : "a value";
    }
}
