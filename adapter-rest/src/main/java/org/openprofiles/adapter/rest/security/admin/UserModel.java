package org.openprofiles.adapter.rest.security.admin;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.openprofiles.domain.security.Role;
import org.openprofiles.domain.security.User;

/** A user on the admin API. */
public record UserModel(
        @JsonProperty("id") UUID id,
        @JsonProperty("login") String login,
        @JsonProperty("displayName") String displayName,
        @JsonProperty("enabled") boolean enabled,
        @JsonProperty("roles") List<String> roles,
        @JsonProperty("createdAt") Instant createdAt,
        @JsonProperty("version") long version,
        @JsonProperty("email") String email,
        @JsonProperty("userPrincipalName") String userPrincipalName) {

    public static UserModel from(User user) {
        return new UserModel(
                user.id().value(),
                user.login(),
                user.displayName(),
                user.enabled(),
                user.roles().stream().map(Role::wireName).sorted().toList(),
                user.createdAt(),
                user.version(),
                user.email().orElse(null),
                user.userPrincipalName().orElse(null));
    }
}
