package org.openprofiles.adapter.rest.console;

import java.net.URI;
import java.util.Optional;

/**
 * What the console needs to know from the server's settings: when OpenID Connect is configured
 * and a client id is set for the console, the provider's issuer (the browser reads the
 * provider's discovery document from it) and the console's public client id. Nothing here is a
 * secret: a browser client has none.
 */
public record ConsoleSettings(Optional<Oidc> oidc) {

    /** The console's OpenID Connect client: the issuer it signs in with and its public client id. */
    public record Oidc(String issuer, String clientId) {

        public Oidc {
            if (issuer == null || issuer.isBlank() || clientId == null || clientId.isBlank()) {
                throw new IllegalArgumentException(
                        "the console's OpenID Connect client needs an issuer and a client id");
            }
            issuer = issuer.strip();
            clientId = clientId.strip();
        }

        /**
         * The issuer's origin ({@code https://id.example.org}), which the console's
         * Content-Security-Policy lets the page connect to for discovery and the token exchange.
         */
        public Optional<String> origin() {
            try {
                URI uri = URI.create(issuer);
                if (uri.getScheme() == null || uri.getHost() == null) {
                    return Optional.empty();
                }
                return Optional.of(uri.getScheme() + "://" + uri.getRawAuthority());
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
    }

    public ConsoleSettings {
        oidc = oidc == null ? Optional.empty() : oidc;
    }

    /** Token sign-in only. */
    public static ConsoleSettings tokenOnly() {
        return new ConsoleSettings(Optional.empty());
    }
}
