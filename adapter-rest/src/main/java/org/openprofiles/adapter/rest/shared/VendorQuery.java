package org.openprofiles.adapter.rest.shared;

import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.openprofiles.domain.shared.Invalid;

/**
 * Query parameters of the two vendor APIs, whose names match in any case ({@code profileId},
 * {@code ProfileId}, {@code STATUS}) as their paths do. Values keep their case.
 */
public final class VendorQuery {

    private VendorQuery() {}

    /** The first value of the parameter named {@code name} in any case, or {@code null}. */
    public static String first(UriInfo uri, String name) {
        for (Map.Entry<String, List<String>> parameter :
                uri.getQueryParameters().entrySet()) {
            if (parameter.getKey().equalsIgnoreCase(name)
                    && !parameter.getValue().isEmpty()) {
                return parameter.getValue().get(0);
            }
        }
        return null;
    }

    /**
     * A yes/no parameter in any case: absent or blank is false; {@code true}, {@code 1}, {@code yes}
     * are true and {@code false}, {@code 0}, {@code no} false (any case); anything else is a 400.
     */
    public static boolean flag(UriInfo uri, String name) {
        String value = first(uri, name);
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw new Invalid("invalid_boolean", name, name + " must be true or false");
        };
    }
}
