package org.openprofiles.adapter.rest.shared;

import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * The two vendor APIs match paths case-insensitively (the Certificate Management document itself
 * calls {@code /certificatemanagement/api/v1.0/profiles}). JAX-RS matching is case-sensitive, so
 * before matching this filter lower-cases the path (never the query) of requests under either
 * vendor prefix, and the resources of both dialects declare their {@code @Path}s in lower case.
 * Path parameters under these prefixes are GUIDs and operation names, which are case-insensitive
 * anyway.
 */
@PreMatching
@Priority(100)
public final class VendorPathNormalizer implements ContainerRequestFilter {

    /** Lower-case prefixes of the vendor routes (without the leading slash). */
    public static final List<String> PREFIXES = List.of("certificatemanagement/api/", "api/v1/profiles");

    /** {@code relative} (a path without its leading slash) lower-cased when it is under a vendor prefix. */
    public static String normalized(String relative) {
        String lower = relative.toLowerCase(Locale.ROOT);
        return PREFIXES.stream().anyMatch(lower::startsWith) ? lower : relative;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        URI requestUri = request.getUriInfo().getRequestUri();
        String path = request.getUriInfo().getPath(false);
        String relative = path.startsWith("/") ? path.substring(1) : path;
        String lower = normalized(relative);
        if (lower.equals(relative)) {
            return;
        }
        // Written out rather than through a URI builder (which parses, templates and re-encodes
        // each part): every vendor request comes through here, and each part is already encoded.
        URI base = request.getUriInfo().getBaseUri();
        String query = requestUri.getRawQuery();
        URI rewritten = URI.create(requestUri.getScheme() + "://" + requestUri.getRawAuthority() + base.getRawPath()
                + lower + (query == null ? "" : "?" + query));
        request.setRequestUri(base, rewritten);
    }
}
