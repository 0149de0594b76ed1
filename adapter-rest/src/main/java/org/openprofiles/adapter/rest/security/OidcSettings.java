package org.openprofiles.adapter.rest.security;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * How to trust an OpenID Connect provider's access tokens: its issuer, this service's audience,
 * where its signing keys are (a JWKS file or an http(s) URL), which claim names the user and,
 * optionally, which claim carries role names.
 */
public record OidcSettings(String issuer, String audience, String jwks, String userClaim, Optional<String> rolesClaim) {

    public OidcSettings {
        issuer = required(issuer, "PROFILES_OIDC_ISSUER");
        audience = required(audience, "PROFILES_OIDC_AUDIENCE");
        jwks = required(jwks, "PROFILES_OIDC_JWKS");
        userClaim = userClaim == null || userClaim.isBlank() ? "sub" : userClaim.strip();
        rolesClaim = rolesClaim == null
                ? Optional.empty()
                : rolesClaim.map(String::strip).filter(c -> !c.isEmpty());
        if (urlOf(jwks).isEmpty() && !Files.isReadable(Path.of(jwks))) {
            throw new IllegalArgumentException("PROFILES_OIDC_JWKS: no readable JWKS file at " + jwks);
        }
    }

    /**
     * The JWKS URL when {@code jwks} is one. Plain http is accepted only for loopback addresses
     * (a local provider, tests): keys fetched in clear over a network could be swapped.
     */
    public Optional<URI> jwksUrl() {
        return urlOf(jwks);
    }

    private static Optional<URI> urlOf(String jwks) {
        String lower = jwks.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = URI.create(jwks);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("PROFILES_OIDC_JWKS is not a valid URL: " + jwks, e);
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("PROFILES_OIDC_JWKS has no host: " + jwks);
        }
        if (lower.startsWith("http://") && !isLoopback(uri.getHost())) {
            throw new IllegalArgumentException(
                    "PROFILES_OIDC_JWKS must use https unless it is on this machine: " + jwks);
        }
        return Optional.of(uri);
    }

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static String required(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required when OpenID Connect is configured");
        }
        return value.strip();
    }
}
