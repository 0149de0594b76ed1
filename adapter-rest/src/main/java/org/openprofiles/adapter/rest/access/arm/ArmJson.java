package org.openprofiles.adapter.rest.access.arm;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import org.openprofiles.adapter.rest.shared.JsonMappers;

/**
 * The Access Rights Manager JSON dialect. Its reference pages spell properties in PascalCase while
 * its examples use camelCase, and its clients send .NET type tags: so property names match
 * regardless of case, and {@code $type} / {@code Type} tags are skipped wherever they appear.
 * Any other unknown property is still refused, naming it.
 */
public final class ArmJson {

    /** The package whose models this dialect reads and writes. */
    public static final String PACKAGE = "org.openprofiles.adapter.rest.access.arm";

    private ArmJson() {}

    public static ObjectMapper mapper() {
        return ((JsonMapper) JsonMappers.standard())
                .rebuild()
                .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
                .addHandler(new TypeTagSkipper())
                .build();
    }

    /** Skips the .NET type tags a client may send; leaves every other unknown property to fail. */
    private static final class TypeTagSkipper extends DeserializationProblemHandler {
        @Override
        public boolean handleUnknownProperty(
                DeserializationContext context,
                JsonParser parser,
                JsonDeserializer<?> deserializer,
                Object bean,
                String property)
                throws IOException {
            if ("$type".equals(property) || "type".equalsIgnoreCase(property)) {
                parser.skipChildren();
                return true;
            }
            return false;
        }
    }
}
