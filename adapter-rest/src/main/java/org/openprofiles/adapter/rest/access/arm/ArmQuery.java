package org.openprofiles.adapter.rest.access.arm;

import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.openprofiles.adapter.rest.shared.Guids;
import org.openprofiles.adapter.rest.shared.Paging;
import org.openprofiles.adapter.rest.shared.VendorQuery;
import org.openprofiles.domain.shared.Invalid;
import org.openprofiles.domain.shared.PageRequest;

/**
 * Query parameters of the vendor routes. Like its paths, the vendor's parameter names are
 * case-insensitive ({@code profileId}, {@code ProfileId}), so they are looked up ignoring case;
 * GUIDs are parsed here, a malformed one is a 400 naming the parameter.
 */
final class ArmQuery {

    private final UriInfo uri;
    private final Map<String, List<String>> parameters;

    ArmQuery(UriInfo uri) {
        this.uri = uri;
        this.parameters = uri.getQueryParameters();
    }

    /** Every value of the parameter, comma-separated values split. */
    List<String> all(String name) {
        List<String> values = new ArrayList<>();
        parameters.forEach((key, given) -> {
            if (key.equalsIgnoreCase(name)) {
                for (String value : given) {
                    for (String part : value.split(",")) {
                        if (!part.isBlank()) {
                            values.add(part.strip());
                        }
                    }
                }
            }
        });
        return values;
    }

    Optional<String> optional(String name) {
        String value = VendorQuery.first(uri, name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    boolean has(String name) {
        return parameters.keySet().stream().anyMatch(name::equalsIgnoreCase);
    }

    UUID requiredGuid(String name) {
        return guid(optional(name).orElseThrow(() -> new Invalid("required", name, name + " is required")), name);
    }

    Optional<UUID> optionalGuid(String name) {
        return optional(name).map(value -> guid(value, name));
    }

    boolean flag(String name) {
        return VendorQuery.flag(uri, name);
    }

    /** The page asked for with {@code limit} and {@code cursor}, in any case. */
    PageRequest page() {
        return Paging.request(
                optional(Paging.LIMIT).orElse(null), optional(Paging.CURSOR).orElse(null));
    }

    static UUID guid(String value, String field) {
        return Guids.parse(value, field);
    }
}
