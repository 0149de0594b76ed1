package org.openprofiles.adapter.rest.shared;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Providers;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.openprofiles.domain.shared.Invalid;

/**
 * Reads a JSON array body into a {@code List} marked {@link MaxItems} item by item, with the
 * mapper Jersey would use for the item's type, and refuses the body at the first item beyond the
 * limit: a bulk import of a million items costs the reading of the limit plus one, not of the
 * million. An item's error names its place ({@code [3].name}), as a whole-array read would.
 */
@Consumes(MediaType.APPLICATION_JSON)
public final class BoundedListReader implements MessageBodyReader<List<?>> {

    @Context
    private Providers providers;

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return List.class.isAssignableFrom(type)
                && genericType instanceof ParameterizedType
                && maxItems(annotations).isPresent();
    }

    @Override
    public List<?> readFrom(
            Class<List<?>> type,
            Type genericType,
            Annotation[] annotations,
            MediaType mediaType,
            MultivaluedMap<String, String> headers,
            InputStream body)
            throws IOException {
        MaxItems limit = maxItems(annotations).orElseThrow();
        Type itemType = ((ParameterizedType) genericType).getActualTypeArguments()[0];
        ObjectMapper mapper = mapperFor(itemType, mediaType);
        ObjectReader items = mapper.readerFor(mapper.constructType(itemType));
        try (JsonParser parser = mapper.createParser(body)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return null;
            }
            if (first != JsonToken.START_ARRAY) {
                throw MismatchedInputException.from(parser, List.class, "the body must be a JSON array");
            }
            List<Object> read = new ArrayList<>();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                if (parser.currentToken() == null) {
                    throw MismatchedInputException.from(parser, List.class, "the JSON array is not closed");
                }
                if (read.size() == limit.value()) {
                    throw new Invalid(
                            limit.code(),
                            limit.field(),
                            "at most " + limit.value() + " items are taken at once; split the list");
                }
                try {
                    read.add(items.readValue(parser));
                } catch (JsonMappingException e) {
                    e.prependPath(new JsonMappingException.Reference(null, read.size()));
                    throw e;
                }
            }
            return read;
        }
    }

    private ObjectMapper mapperFor(Type itemType, MediaType mediaType) {
        Class<?> raw = itemType instanceof Class<?> c
                ? c
                : itemType instanceof ParameterizedType p ? (Class<?>) p.getRawType() : Object.class;
        ContextResolver<ObjectMapper> resolver =
                providers == null ? null : providers.getContextResolver(ObjectMapper.class, mediaType);
        ObjectMapper mapper = resolver == null ? null : resolver.getContext(raw);
        return mapper != null ? mapper : JsonMappers.standard();
    }

    private static Optional<MaxItems> maxItems(Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            if (annotation instanceof MaxItems max) {
                return Optional.of(max);
            }
        }
        return Optional.empty();
    }
}
