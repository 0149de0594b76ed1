package org.openprofiles.adapter.rest.shared;

import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;

/**
 * Query parameters of the two vendor APIs, whose names match in any case ({@code profileId},
 * {@code ProfileId}, {@code STATUS}) as their paths do. Values keep their case.
 */
public final class VendorQuery {

    private VendorQuery() {
    }

    /** The first value of the parameter named {@code name} in any case, or {@code null}. */
    public static String first(UriInfo uri, String name) {
        for (Map.Entry<String, List<String>> parameter : uri.getQueryParameters().entrySet()) {
            if (parameter.getKey().equalsIgnoreCase(name) && !parameter.getValue().isEmpty()) {
                return parameter.getValue().get(0);
            }
        }
        return null;
    }
}
