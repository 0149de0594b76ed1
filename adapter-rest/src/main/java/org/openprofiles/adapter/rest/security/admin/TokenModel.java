package org.openprofiles.adapter.rest.security.admin;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.UUID;
import org.openprofiles.domain.security.ApiToken;

/** A token as listed: what it is and whether it still works, never its secret or hash. */
public record TokenModel(
        @JsonProperty("id") UUID id,
        @JsonProperty("userId") UUID userId,
        @JsonProperty("name") String name,
        @JsonProperty("createdAt") Instant createdAt,
        @JsonProperty("expiresAt") Instant expiresAt,
        @JsonProperty("revokedAt") Instant revokedAt) {

    public static TokenModel from(ApiToken token) {
        return new TokenModel(
                token.id().value(),
                token.userId().value(),
                token.name(),
                token.createdAt(),
                token.expiresAt().orElse(null),
                token.revokedAt().orElse(null));
    }
}
