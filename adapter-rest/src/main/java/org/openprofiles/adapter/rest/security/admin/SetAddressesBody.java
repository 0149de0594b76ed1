package org.openprofiles.adapter.rest.security.admin;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Body of {@code PUT /admin/v1/users/{id}/addresses}: both optional; absent or empty removes the address. */
public record SetAddressesBody(
        @JsonProperty("email") String email,
        @JsonProperty("userPrincipalName") String userPrincipalName) {}
