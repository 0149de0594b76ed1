package org.openprofiles.adapter.rest.shared;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.openprofiles.application.security.Authenticate;
import org.openprofiles.domain.security.Principal;
import org.openprofiles.domain.shared.Unauthenticated;

/**
 * Every route but health and readiness ({@code /health…}, {@code /ready}), the API description
 * ({@code /openapi.json}, {@code /openapi.yaml}, {@code /docs…}), the web console's files and the
 * published PKI ({@code /pki/…}: CA certificates, CRLs, OCSP for relying parties) needs
 * {@code Authorization: Bearer <token>} (the console is a public page that calls the API with
 * the user's token; it has no privileges of its own). The token is
 * an API token of this service, or, when an {@link ExternalTokenVerifier} is configured, a JWT
 * from the configured identity provider. With mutual TLS configured, a request without that
 * header may sign in with a client certificate the TLS handshake verified: the configured
 * certificate field names the user. Failures become 401 through the domain failure mapper,
 * with {@code WWW-Authenticate: Bearer}.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public final class AuthenticationFilter implements ContainerRequestFilter {

    private static final Set<String> OPEN_PATHS =
            Set.of("health", "ready", "console", "openapi.json", "openapi.yaml", "docs");
    /** The console's files, health, the API description and the PKI that relying parties fetch without an account. */
    private static final List<String> OPEN_PREFIXES = List.of("console/", "health/", "docs/", "pki/");

    private static final String BEARER = "bearer ";

    private final Authenticate authenticate;
    private final Optional<ExternalTokenVerifier> external;
    private final Optional<ClientCertificates.UserField> certificateUser;

    public AuthenticationFilter(Authenticate authenticate, Optional<ExternalTokenVerifier> external) {
        this(authenticate, external, Optional.empty());
    }

    /** As above; {@code certificateUser} present turns client-certificate sign-in on. */
    public AuthenticationFilter(
            Authenticate authenticate,
            Optional<ExternalTokenVerifier> external,
            Optional<ClientCertificates.UserField> certificateUser) {
        this.authenticate = authenticate;
        this.external = external;
        this.certificateUser = certificateUser;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (isOpen(request.getUriInfo().getPath())) {
            return;
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if ((header == null || header.isBlank())
                && certificateUser.isPresent()
                && request.getProperty(ClientCertificates.CHAIN_PROPERTY) instanceof X509Certificate[] chain
                && chain.length > 0) {
            String user = ClientCertificates.userOf(chain[0], certificateUser.get())
                    .orElseThrow(() -> new Unauthenticated(
                            "certificate_without_user",
                            "the client certificate has no " + certificateUser.get() + " naming a user"));
            request.setSecurityContext(new Caller(authenticate.byClientCertificate(user), "Client certificate"));
            return;
        }
        if (header == null || header.isBlank()) {
            throw new Unauthenticated("missing_token", "this route needs Authorization: Bearer <token>");
        }
        if (header.length() <= BEARER.length() || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw new Unauthenticated("unsupported_scheme", "only the Bearer authorization scheme is accepted");
        }
        String token = header.substring(BEARER.length()).strip();
        Principal principal;
        String scheme;
        if (external.isPresent() && external.get().handles(token)) {
            ExternalTokenVerifier.Identity identity = external.get().verify(token);
            principal = authenticate.byExternalIdentity(identity.subject(), identity.roles());
            scheme = "Bearer (JWT)";
        } else {
            principal = authenticate.byApiToken(token);
            scheme = "Bearer";
        }
        request.setSecurityContext(new Caller(principal, scheme));
    }

    /** Whether {@code path} (relative to the application, slashes or not) is served without a token. */
    public static boolean isOpen(String path) {
        String relative = stripSlashes(path);
        return OPEN_PATHS.contains(relative) || OPEN_PREFIXES.stream().anyMatch(relative::startsWith);
    }

    private static String stripSlashes(String path) {
        String p = path;
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }
}
