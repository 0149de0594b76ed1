package org.openprofiles.adapter.rest.certificate.cm;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.openprofiles.domain.shared.Invalid;

/**
 * Reading the vendor's request bodies: a JSON object whose keys are the document's lower-case names,
 * matched in any case (as the vendor's ASP.NET server binds them); any other key is a 400 naming it,
 * so a typo is never silently lost.
 */
final class VendorBody {

    private VendorBody() {}

    /** {@code body}, when it is an object with none but {@code keys} (in any case). */
    static JsonNode object(JsonNode body, Set<String> keys) {
        if (body == null || !body.isObject()) {
            throw new Invalid("body_required", "body", "the body must be a JSON object");
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!keys.contains(name.toLowerCase(Locale.ROOT))) {
                throw new Invalid("unknown_field", name, "unknown field '" + name + "'");
            }
        }
        return body;
    }

    /** The value of {@code key} in any case, or null. */
    static JsonNode field(JsonNode object, String key) {
        for (Map.Entry<String, JsonNode> entry : (Iterable<Map.Entry<String, JsonNode>>) object::fields) {
            if (entry.getKey().equalsIgnoreCase(key)) {
                return entry.getValue();
            }
        }
        return null;
    }
}
