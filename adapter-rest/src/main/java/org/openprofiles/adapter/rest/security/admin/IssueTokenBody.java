package org.openprofiles.adapter.rest.security.admin;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** Body of {@code POST /admin/v1/users/{id}/tokens}; both fields optional, the body too. */
public record IssueTokenBody(
        @JsonProperty("name") String name,
        @JsonProperty("expiresAt") Instant expiresAt) {}
