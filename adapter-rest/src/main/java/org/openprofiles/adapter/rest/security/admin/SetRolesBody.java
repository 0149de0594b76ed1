package org.openprofiles.adapter.rest.security.admin;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Body of {@code PUT /admin/v1/users/{id}/roles}: the complete new set, by wire name. */
public record SetRolesBody(@JsonProperty("roles") List<String> roles) {}
