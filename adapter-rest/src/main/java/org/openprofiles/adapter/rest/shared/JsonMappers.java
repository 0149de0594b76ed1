package org.openprofiles.adapter.rest.shared;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.ws.rs.ext.ContextResolver;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openprofiles.domain.shared.Invalid;

/**
 * The JSON configuration of the service. Property names are never guessed from Java names by a
 * naming strategy: each dialect's models spell them out, so the wire format is visible in code.
 */
public final class JsonMappers implements ContextResolver<ObjectMapper> {

    private final ObjectMapper mapper = standard();
    private final Map<String, ObjectMapper> byPackage = new LinkedHashMap<>();

    /**
     * Uses {@code dialect} for the JSON models in {@code packageName} and below (a vendor API
     * with its own rules, e.g. case-insensitive property names). Jersey asks by the entity's raw
     * type, so a top-level {@code List<Model>} is written by the standard mapper: models must
     * spell out their property names, which every model does anyway.
     */
    public JsonMappers withDialect(String packageName, ObjectMapper dialect) {
        byPackage.put(packageName, dialect);
        return this;
    }

    /** ISO-8601 dates, no failure on empty beans, strict about unknown properties. */
    public static ObjectMapper standard() {
        return JsonMapper.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .addModule(new SimpleModule("text-rules")
                        .addDeserializer(String.class, new CheckedStringDeserializer())
                        .addKeyDeserializer(String.class, new CheckedKeyDeserializer()))
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .build();
    }

    @Override
    public ObjectMapper getContext(Class<?> type) {
        String name = type.getName();
        for (Map.Entry<String, ObjectMapper> dialect : byPackage.entrySet()) {
            if (name.startsWith(dialect.getKey() + ".")) {
                return dialect.getValue();
            }
        }
        return mapper;
    }

    /** Strings as Jackson reads them, refused when they hold a NUL (see {@link TextRules}). */
    private static final class CheckedStringDeserializer extends StdScalarDeserializer<String> {

        CheckedStringDeserializer() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = StringDeserializer.instance.deserialize(parser, context);
            return TextRules.checked(text, "value");
        }
    }

    /** Object keys read into {@code Map<String, …>}: no NUL, and not blank. */
    private static final class CheckedKeyDeserializer extends KeyDeserializer {

        @Override
        public Object deserializeKey(String key, DeserializationContext context) {
            if (key.isBlank()) {
                throw new Invalid("blank_key", "key", "an object key must not be blank");
            }
            return TextRules.checked(key, "key");
        }
    }
}
