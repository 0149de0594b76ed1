package org.openprofiles.domain.security;

import java.time.Instant;
import java.util.Optional;
import org.openprofiles.domain.shared.NotFound;

/**
 * A bearer token as it is stored: its SHA-256 hash, never the secret itself, with optional expiry
 * and revocation.
 */
public record ApiToken(
        TokenId id,
        UserId userId,
        String name,
        String hash,
        Instant createdAt,
        Optional<Instant> expiresAt,
        Optional<Instant> revokedAt) {

    /** The latest expiry a token may have: the end of year 9999, what every store and client can hold. */
    public static final Instant LATEST_EXPIRY = Instant.parse("9999-12-31T23:59:59Z");

    public ApiToken {
        if (id == null
                || userId == null
                || hash == null
                || createdAt == null
                || expiresAt == null
                || revokedAt == null) {
            throw new IllegalArgumentException("incomplete api token");
        }
        name = name == null ? "" : name.strip();
    }

    public boolean usableAt(Instant now) {
        return revokedAt.isEmpty() && expiresAt.map(now::isBefore).orElse(true);
    }

    /** The failure for a token that {@code user} does not have. */
    public static NotFound notFound(UserId user, TokenId id) {
        return new NotFound("token_not_found", "user " + user + " has no token " + id);
    }
}
