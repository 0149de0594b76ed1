package org.openprofiles.adapter.rest.security.admin;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.UUID;
import org.openprofiles.application.security.IssueToken;

/** The answer to issuing a token: the only time its secret ({@code token}) is ever shown. */
public record IssuedTokenModel(
        @JsonProperty("id") UUID id,
        @JsonProperty("userId") UUID userId,
        @JsonProperty("name") String name,
        @JsonProperty("token") String token,
        @JsonProperty("createdAt") Instant createdAt,
        @JsonProperty("expiresAt") Instant expiresAt) {

    public static IssuedTokenModel from(IssueToken.Issued issued) {
        return new IssuedTokenModel(
                issued.token().id().value(),
                issued.token().userId().value(),
                issued.token().name(),
                issued.secret(),
                issued.token().createdAt(),
                issued.token().expiresAt().orElse(null));
    }

    @Override
    public String toString() {
        // Keep the secret out of anything that prints this record.
        return "IssuedTokenModel[id=" + id + ", userId=" + userId + "]";
    }
}
