package org.openprofiles.adapter.rest.security.admin;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.UUID;

/**
 * Body of {@code POST /admin/v1/users}: {@code id} only when the user's GUID exists elsewhere;
 * {@code email} and {@code userPrincipalName} optional.
 */
public record CreateUserBody(
        @JsonProperty("id") UUID id,
        @JsonProperty("login") String login,
        @JsonProperty("displayName") String displayName,
        @JsonProperty("roles") List<String> roles,
        @JsonProperty("email") String email,
        @JsonProperty("userPrincipalName") String userPrincipalName) {}
