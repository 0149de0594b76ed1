package org.openprofiles.adapter.rest.shared;

import jakarta.ws.rs.core.SecurityContext;
import java.util.Locale;
import org.openprofiles.domain.security.Principal;
import org.openprofiles.domain.security.Role;

/**
 * The authenticated caller of a request, as the authentication filter put it in the request's
 * {@link SecurityContext}. Resources take {@code @Context SecurityContext} and call {@link #of}.
 */
public record Caller(Principal principal, String scheme) implements java.security.Principal, SecurityContext {

    public static Principal of(SecurityContext context) {
        if (context != null && context.getUserPrincipal() instanceof Caller caller) {
            return caller.principal();
        }
        // Only reachable on a route the filter leaves open; those routes must not ask.
        throw new IllegalStateException("no authenticated caller on this request");
    }

    @Override
    public String getName() {
        return principal.userId().toString();
    }

    @Override
    public java.security.Principal getUserPrincipal() {
        return this;
    }

    @Override
    public boolean isUserInRole(String role) {
        return Role.fromWireName(role.toLowerCase(Locale.ROOT))
                .map(principal::has)
                .orElse(false);
    }

    @Override
    public boolean isSecure() {
        return false;
    }

    @Override
    public String getAuthenticationScheme() {
        return scheme;
    }
}
