package org.openprofiles.adapter.rest.shared;

import jakarta.annotation.Priority;
import jakarta.inject.Provider;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import java.net.InetAddress;
import org.glassfish.grizzly.http.server.Request;

/**
 * Puts the caller the {@link Authenticator} finds into the request's {@code SecurityContext} as
 * a {@link Caller}; its refusals (401 through the domain failure mapper, with
 * {@code WWW-Authenticate: Bearer}; 429 when throttled) stop the request here. When the
 * {@link RequestIntake} already authenticated the request (it does so before reading a body), its
 * outcome is used rather than asking twice.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public final class AuthenticationFilter implements ContainerRequestFilter {

    private final Authenticator authenticator;
    private final TrustedProxies trusted;

    @Context
    private Provider<Request> grizzly;

    /** {@code trusted}: the proxies whose {@code Forwarded} headers name the client's address. */
    public AuthenticationFilter(Authenticator authenticator, TrustedProxies trusted) {
        this.authenticator = authenticator;
        this.trusted = trusted;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (Authenticator.isOpen(request.getUriInfo().getPath())) {
            return;
        }
        Authenticator.Outcome outcome =
                request.getProperty(Authenticator.OUTCOME) instanceof Authenticator.Outcome known
                        ? known
                        : authenticator.authenticate(
                                request.getHeaderString(HttpHeaders.AUTHORIZATION),
                                request.getProperty(ClientCertificates.CHAIN_PROPERTY),
                                clientAddress(request));
        request.setSecurityContext(outcome.callerOrThrow());
    }

    private InetAddress clientAddress(ContainerRequestContext request) {
        Request raw = RequestIntake.raw(request, grizzly);
        if (raw == null || raw.getRemoteAddr() == null) {
            return null;
        }
        return RequestIntake.clientAddress(raw, trusted);
    }
}
