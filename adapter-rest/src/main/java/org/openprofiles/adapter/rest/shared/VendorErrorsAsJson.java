package org.openprofiles.adapter.rest.shared;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.Locale;

/**
 * On the Certificate Management routes an error keeps the service's problem body but is sent as
 * {@code application/json}: the vendor's service details say "The API always returns
 * application/json", and strict vendor clients check the type. The one place that does it, for
 * every error of those routes (mapped failures, authentication, unmatched paths).
 */
public final class VendorErrorsAsJson implements ContainerResponseFilter {

    /** The Certificate Management prefix, as the path normaliser leaves it. */
    static final String CM_PREFIX = "certificatemanagement/";

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        MediaType type = response.getMediaType();
        if (type == null || !type.isCompatible(Problem.MEDIA)) {
            return;
        }
        String path = request.getUriInfo().getPath();
        String relative = (path.startsWith("/") ? path.substring(1) : path).toLowerCase(Locale.ROOT);
        if (relative.startsWith(CM_PREFIX)) {
            response.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_TYPE);
        }
    }
}
