package org.openprofiles.adapter.rest.shared;

import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;

/**
 * Cross-origin calls from browsers: origins in the configured list (none by default) may call
 * the API. A preflight ({@code OPTIONS} with {@code Access-Control-Request-Method}) is answered
 * here, before authentication, because browsers never send credentials with it; the real call
 * that follows still needs its token. Bearer tokens travel in a header, not in cookies, so
 * credentials are never allowed.
 */
@PreMatching
@Priority(150)
public final class CorsFilter implements ContainerRequestFilter, ContainerResponseFilter {

    static final String METHODS = "GET, POST, PUT, DELETE, OPTIONS";
    static final String HEADERS =
            "Authorization, Content-Type, Accept, If-Match, If-None-Match, Idempotency-Key, X-Request-Id";
    static final String EXPOSED = "Location, Link, ETag, WWW-Authenticate, X-Request-Id";

    private final List<String> allowed;

    public CorsFilter(List<String> allowedOrigins) {
        this.allowed =
                allowedOrigins.stream().map(o -> o.toLowerCase(Locale.ROOT)).toList();
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String origin = request.getHeaderString("Origin");
        if (origin == null
                || !request.getMethod().equals("OPTIONS")
                || request.getHeaderString("Access-Control-Request-Method") == null) {
            return;
        }
        if (!allows(origin)) {
            request.abortWith(Problem.of(
                            Response.Status.FORBIDDEN,
                            "cors_origin_not_allowed",
                            "Origin",
                            "origin " + origin
                                    + " may not call this API from a browser (see PROFILES_CORS_ALLOWED_ORIGINS)")
                    .toResponse());
            return;
        }
        request.abortWith(Response.noContent()
                .header("Access-Control-Allow-Origin", allowOrigin(origin))
                .header("Access-Control-Allow-Methods", METHODS)
                .header("Access-Control-Allow-Headers", HEADERS)
                .header("Access-Control-Max-Age", "600")
                .header("Vary", "Origin")
                .build());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String origin = request.getHeaderString("Origin");
        MultivaluedMap<String, Object> headers = response.getHeaders();
        if (origin == null || !allows(origin) || headers.containsKey("Access-Control-Allow-Origin")) {
            return;
        }
        headers.putSingle("Access-Control-Allow-Origin", allowOrigin(origin));
        headers.putSingle("Access-Control-Expose-Headers", EXPOSED);
        headers.add("Vary", "Origin");
    }

    private boolean allows(String origin) {
        return allowed.contains("*") || allowed.contains(origin.strip().toLowerCase(Locale.ROOT));
    }

    private String allowOrigin(String origin) {
        return allowed.contains("*") ? "*" : origin.strip();
    }
}
