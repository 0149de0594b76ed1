package org.openprofiles.adapter.rest.shared;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.List;
import java.util.Map;

/**
 * The headers every API response carries: nothing is cached (responses are per caller, and some
 * carry secrets shown once — a token, a PIN, a PFX), content is never sniffed or framed, and no
 * referrer leaves. A resource that sets its own value (the console's assets, its CSP) keeps it.
 */
public final class SecurityHeadersFilter implements ContainerResponseFilter {

    /** The headers and their values; also sent on the answers given before Jersey runs ({@link RequestIntake}). */
    static final Map<String, String> HEADERS = Map.of(
            HttpHeaders.CACHE_CONTROL,
            "no-store",
            "X-Content-Type-Options",
            "nosniff",
            "X-Frame-Options",
            "DENY",
            "Referrer-Policy",
            "no-referrer",
            "Content-Security-Policy",
            "default-src 'none'; frame-ancestors 'none'");

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        MultivaluedMap<String, Object> headers = response.getHeaders();
        HEADERS.forEach((name, value) -> headers.putIfAbsent(name, List.of(value)));
    }
}
