package org.openprofiles.adapter.rest.admin;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Body of {@code PUT /admin/v1/users/{id}/roles}: the complete new set, by wire name. */
public record SetRolesRequest(@JsonProperty("roles") List<String> roles) {
}
