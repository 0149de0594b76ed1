package org.openprofiles.adapter.rest.apidocs;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.media.Schema;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Our models are Java records written by Jackson: a property of a reference type may be written as
 * {@code null} (the vendors' form templates are full of {@code "label": null}), one of a primitive
 * type never is. OpenAPI 3.1 says so with {@code "type": ["string", "null"]}; swagger alone would
 * write {@code "type": "string"}, which the vendors' own examples would fail.
 */
final class NullableProperties implements ModelConverter {

    @Override
    public Schema<?> resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
        if (!chain.hasNext()) {
            return null;
        }
        if (JsonNode.class.isAssignableFrom(
                Json31.mapper().constructType(type.getType()).getRawClass())) {
            // A body read as a JSON tree: the route's description says what it holds.
            return new Schema<>().types(new LinkedHashSet<>(Set.of("object")));
        }
        Schema<?> schema = chain.next().resolve(type, context, chain);
        if (schema == null || !type.isSchemaProperty() || schema.get$ref() != null || isPrimitive(type)) {
            return schema;
        }
        Set<String> types = schema.getTypes() == null ? new LinkedHashSet<>() : new LinkedHashSet<>(schema.getTypes());
        if (!types.isEmpty()) {
            types.add("null");
            schema.setTypes(types);
        }
        return schema;
    }

    private static boolean isPrimitive(AnnotatedType type) {
        JavaType java = Json31.mapper().constructType(type.getType());
        return java.getRawClass().isPrimitive();
    }
}
