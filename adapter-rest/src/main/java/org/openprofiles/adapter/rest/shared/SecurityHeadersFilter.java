package org.openprofiles.adapter.rest.shared;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;

/**
 * The headers every API response carries: nothing is cached (responses are per caller, and some
 * carry secrets shown once — a token, a PIN, a PFX), content is never sniffed or framed, and no
 * referrer leaves. A resource that sets its own value (the console's assets, its CSP) keeps it.
 */
public final class SecurityHeadersFilter implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        MultivaluedMap<String, Object> headers = response.getHeaders();
        headers.putIfAbsent(HttpHeaders.CACHE_CONTROL, java.util.List.of("no-store"));
        headers.putIfAbsent("X-Content-Type-Options", java.util.List.of("nosniff"));
        headers.putIfAbsent("X-Frame-Options", java.util.List.of("DENY"));
        headers.putIfAbsent("Referrer-Policy", java.util.List.of("no-referrer"));
        headers.putIfAbsent("Content-Security-Policy", java.util.List.of("default-src 'none'; frame-ancestors 'none'"));
    }
}
