package org.openprofiles.domain.security;

import java.time.Instant;
import java.util.Optional;
import org.openprofiles.domain.shared.Page;
import org.openprofiles.domain.shared.PageRequest;

/** The API-token port: tokens are found by the hash of their secret. */
public interface Credentials {

    Optional<ApiToken> findByHash(String hash);

    /** The token with this hash and its user, in one round trip (signing in with a token). */
    Optional<TokenOwner> findWithOwner(String hash);

    Optional<ApiToken> find(TokenId id);

    void add(ApiToken token);

    /** Marks the token revoked at {@code at}; returns false when it was revoked already. */
    boolean revoke(TokenId id, Instant at);

    /** A user's tokens, newest first. */
    Page<ApiToken> listFor(UserId user, PageRequest page);
}
