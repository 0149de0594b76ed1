package org.openprofiles.adapter.rest.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.openprofiles.adapter.rest.shared.ExternalTokenVerifier;
import org.openprofiles.domain.security.Role;
import org.openprofiles.domain.shared.Invalid;
import org.openprofiles.domain.shared.Unauthenticated;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies OpenID Connect access tokens (JWTs signed with RS256 or ES256): signature against the
 * issuer's keys, issuer, audience, expiry and not-before with {@link #CLOCK_SKEW} of tolerance.
 * A JWKS file is read once at start-up; a JWKS URL is fetched on first use, cached, and fetched
 * again when a token names a key id the cache does not know (a key rotation), at most once per
 * {@code minRefreshInterval}, with short timeouts and a size limit.
 */
public final class JwtVerifier implements ExternalTokenVerifier {

    private static final Logger LOG = LoggerFactory.getLogger(JwtVerifier.class);

    public static final Duration CLOCK_SKEW = Duration.ofSeconds(60);
    static final Duration CACHE_TIME_TO_LIVE = Duration.ofMinutes(15);
    static final Duration DEFAULT_MIN_REFRESH_INTERVAL = Duration.ofSeconds(30);
    private static final int HTTP_TIMEOUT_MILLIS = 3_000;
    private static final int JWKS_SIZE_LIMIT_BYTES = 256 * 1024;
    private static final String JWKS_SETTING = "PROFILES_OIDC_JWKS";
    private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256);

    private final DefaultJWTProcessor<SecurityContext> processor;
    private final String userClaim;
    private final Optional<String> rolesClaim;

    private JwtVerifier(JWKSource<SecurityContext> keys, OidcSettings settings) {
        this.userClaim = settings.userClaim();
        this.rolesClaim = settings.rolesClaim();
        this.processor = new DefaultJWTProcessor<>();
        // Access tokens are typed "JWT", "at+jwt" (RFC 9068) or not at all, depending on the provider.
        processor.setJWSTypeVerifier(
                new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT, new JOSEObjectType("at+jwt"), null));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, keys));
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(
                settings.audience(),
                new JWTClaimsSet.Builder().issuer(settings.issuer()).build(),
                Set.of("iss", "aud", "exp", userClaim));
        claims.setMaxClockSkew((int) CLOCK_SKEW.toSeconds());
        processor.setJWTClaimsSetVerifier(claims);
    }

    /** A verifier for {@code settings}; reads a JWKS file now, and fails when it is not a usable key set. */
    public static JwtVerifier start(OidcSettings settings) {
        return start(settings, DEFAULT_MIN_REFRESH_INTERVAL);
    }

    /** As {@link #start(OidcSettings)}, with the least time between two fetches of a JWKS URL. */
    public static JwtVerifier start(OidcSettings settings, Duration minRefreshInterval) {
        JWKSource<SecurityContext> keys = settings.jwksUrl()
                .map(url -> remoteKeys(url, minRefreshInterval))
                .orElseGet(() -> fileKeys(Path.of(settings.jwks())));
        return new JwtVerifier(keys, settings);
    }

    @Override
    public boolean handles(String token) {
        // A compact JWS has three dot-separated parts; the service's own API tokens have no dot.
        return token != null && token.chars().filter(c -> c == '.').count() == 2 && token.indexOf('.') > 0;
    }

    @Override
    public Identity verify(String token) {
        JWTClaimsSet claims;
        try {
            claims = processor.process(token, null);
        } catch (ParseException e) {
            throw new Unauthenticated("malformed_token", "the bearer token is not a well-formed JWT");
        } catch (BadJWTException e) {
            String reason = e.getMessage() == null ? "rejected" : e.getMessage();
            throw new Unauthenticated(
                    reason.startsWith("Expired") ? "expired_token" : "invalid_token", "the JWT was refused: " + reason);
        } catch (BadJOSEException e) {
            throw new Unauthenticated("invalid_token", "the JWT was refused: " + e.getMessage());
        } catch (RateLimitReachedException e) {
            // A key id the issuer did not publish at the last fetch: no new fetch yet, and no log line
            // per request, so that made-up tokens cannot flood the log or the provider.
            throw new Unauthenticated("invalid_token", "the JWT names a signing key the issuer does not publish");
        } catch (KeySourceException e) {
            LOG.warn("cannot obtain the OpenID Connect provider's keys: {}", e.getMessage(), e.getCause());
            throw new Unauthenticated("keys_unavailable", "the token issuer's keys cannot be obtained right now");
        } catch (JOSEException e) {
            throw new Unauthenticated("invalid_token", "the JWT was refused: " + e.getMessage());
        }
        Object subject = claims.getClaim(userClaim);
        if (!(subject instanceof String) && !(subject instanceof Number)) {
            throw new Unauthenticated("invalid_token", "the JWT's claim '" + userClaim + "' names no user");
        }
        return new Identity(subject.toString(), rolesClaim.map(name -> roles(claims, name)));
    }

    /**
     * Roles named in the configured claim, which may be a dotted path into nested objects (e.g.
     * {@code realm_access.roles}) and hold a list or a space-separated string. Names this service
     * does not know are ignored: providers put many unrelated groups there. A missing claim
     * means no roles.
     */
    static Set<Role> roles(JWTClaimsSet claims, String path) {
        Object value = claims.getClaims();
        for (String part : path.split("\\.")) {
            value = value instanceof Map<?, ?> map ? map.get(part) : null;
        }
        Collection<?> names = value instanceof Collection<?> list
                ? list
                : value instanceof String text ? List.of(text.strip().split("[\\s,]+")) : List.of();
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Object name : names) {
            if (name instanceof String text) {
                Role.fromWireName(text).ifPresent(roles::add);
            }
        }
        return roles;
    }

    private static JWKSource<SecurityContext> fileKeys(Path file) {
        try {
            JWKSet set = JWKSet.load(file.toFile()).toPublicJWKSet();
            if (set.getKeys().isEmpty()) {
                throw new Invalid(
                        "invalid_jwks", JWKS_SETTING, JWKS_SETTING + ": the key set in " + file + " has no keys");
            }
            return new ImmutableJWKSet<>(set);
        } catch (IOException | ParseException e) {
            // A start-up failure: Main prints it as one line and exits non-zero.
            throw new Invalid(
                    "invalid_jwks",
                    JWKS_SETTING,
                    JWKS_SETTING + ": cannot read a JWK set from " + file + ": " + e.getMessage());
        }
    }

    private static JWKSource<SecurityContext> remoteKeys(URI url, Duration minRefreshInterval) {
        try {
            return JWKSourceBuilder.<SecurityContext>create(
                            url.toURL(),
                            new DefaultResourceRetriever(
                                    HTTP_TIMEOUT_MILLIS, HTTP_TIMEOUT_MILLIS, JWKS_SIZE_LIMIT_BYTES))
                    .cache(CACHE_TIME_TO_LIVE.toMillis(), HTTP_TIMEOUT_MILLIS * 2L)
                    .rateLimited(minRefreshInterval.toMillis())
                    .build();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("PROFILES_OIDC_JWKS is not a valid URL: " + url, e);
        }
    }
}
