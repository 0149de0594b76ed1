package org.openprofiles.adapter.rest.shared;

import java.net.InetAddress;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.openprofiles.application.security.Authenticate;
import org.openprofiles.domain.security.Principal;
import org.openprofiles.domain.shared.Unauthenticated;

/**
 * Who a request comes from: every route but health and readiness ({@code /health…}, {@code /ready}),
 * the API description ({@code /openapi.json}, {@code /openapi.yaml}, {@code /docs…}), the web
 * console's files and the published PKI ({@code /pki/…}: CA certificates, CRLs, OCSP) needs
 * {@code Authorization: Bearer <token>} — an API token of this service, or, when an
 * {@link ExternalTokenVerifier} is configured, a JWT of the identity provider — or, with mutual
 * TLS configured and no such header, a client certificate the handshake verified. Failed
 * attempts are counted by the {@link SignInThrottle}; a source over its limit is refused before
 * its credential is looked at. Used by the {@link AuthenticationFilter} and, before any body is
 * read, by the {@link RequestIntake}, which hands its result on in the request's properties.
 */
public final class Authenticator {

    /** The request property (a Grizzly request attribute) holding an {@link Outcome} already reached. */
    public static final String OUTCOME = Authenticator.class.getName() + ".outcome";

    private static final Set<String> OPEN_PATHS =
            Set.of("health", "ready", "console", "openapi.json", "openapi.yaml", "docs");
    /** The console's files, health, the API description and the PKI that relying parties fetch without an account. */
    private static final List<String> OPEN_PREFIXES = List.of("console/", "health/", "docs/", "pki/");

    private static final String BEARER = "bearer ";

    /** What authenticating one request came to: the caller, or the refusal to answer with. */
    public record Outcome(Optional<Caller> caller, Optional<RuntimeException> refusal) {

        static Outcome signedIn(Caller caller) {
            return new Outcome(Optional.of(caller), Optional.empty());
        }

        static Outcome refused(RuntimeException refusal) {
            return new Outcome(Optional.empty(), Optional.of(refusal));
        }

        /** The caller; throws the refusal. */
        public Caller callerOrThrow() {
            if (refusal.isPresent()) {
                throw refusal.get();
            }
            return caller.orElseThrow();
        }
    }

    private final Authenticate authenticate;
    private final Optional<ExternalTokenVerifier> external;
    private final Optional<ClientCertificates.UserField> certificateUser;
    private final SignInThrottle throttle;

    /**
     * @param certificateUser present turns client-certificate sign-in on
     * @param throttle        counts failed attempts per source and per user
     */
    public Authenticator(
            Authenticate authenticate,
            Optional<ExternalTokenVerifier> external,
            Optional<ClientCertificates.UserField> certificateUser,
            SignInThrottle throttle) {
        this.authenticate = authenticate;
        this.external = external;
        this.certificateUser = certificateUser;
        this.throttle = throttle;
    }

    /** True for the paths (relative to the application, with or without slashes) anyone may call. */
    public static boolean isOpen(String path) {
        String relative = stripSlashes(path);
        return OPEN_PATHS.contains(relative) || OPEN_PREFIXES.stream().anyMatch(relative::startsWith);
    }

    /**
     * Authenticates a request to a path that is not open.
     *
     * @param authorization    the {@code Authorization} header, or null
     * @param certificateChain the verified client certificate chain, or null
     * @param source           the client's address ({@link TrustedProxies#clientOf}), or null when unknown
     */
    public Outcome authenticate(String authorization, Object certificateChain, InetAddress source) {
        boolean noHeader = authorization == null || authorization.isBlank();
        if (noHeader
                && !(certificateUser.isPresent()
                        && certificateChain instanceof X509Certificate[] chain
                        && chain.length > 0)) {
            return Outcome.refused(
                    new Unauthenticated("missing_token", "this route needs Authorization: Bearer <token>"));
        }
        try {
            throttle.checkSource(source);
        } catch (Throttled throttled) {
            return Outcome.refused(throttled);
        }
        try {
            return Outcome.signedIn(
                    noHeader ? byCertificate((X509Certificate[]) certificateChain) : byBearer(authorization));
        } catch (Unauthenticated refused) {
            return Outcome.refused(throttle.failed(source, refused.user())
                    .map(RuntimeException.class::cast)
                    .orElse(refused));
        } catch (RuntimeException failure) {
            // The database or the identity provider out of reach: answered as such, not counted.
            return Outcome.refused(failure);
        }
    }

    private Caller byCertificate(X509Certificate[] chain) {
        String user = ClientCertificates.userOf(chain[0], certificateUser.orElseThrow())
                .orElseThrow(() -> new Unauthenticated(
                        "certificate_without_user",
                        "the client certificate has no " + certificateUser.get() + " naming a user"));
        return new Caller(authenticate.byClientCertificate(user), "Client certificate");
    }

    private Caller byBearer(String header) {
        if (header.length() <= BEARER.length() || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw new Unauthenticated("unsupported_scheme", "only the Bearer authorization scheme is accepted");
        }
        String token = header.substring(BEARER.length()).strip();
        if (external.isPresent() && external.get().handles(token)) {
            ExternalTokenVerifier.Identity identity = external.get().verify(token);
            Principal principal = authenticate.byExternalIdentity(identity.subject(), identity.roles());
            return new Caller(principal, "Bearer (JWT)");
        }
        return new Caller(authenticate.byApiToken(token), "Bearer");
    }

    private static String stripSlashes(String path) {
        int start = 0;
        int end = path.length();
        while (start < end && path.charAt(start) == '/') {
            start++;
        }
        while (end > start && path.charAt(end - 1) == '/') {
            end--;
        }
        return path.substring(start, end);
    }
}
