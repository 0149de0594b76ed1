package org.openprofiles.adapter.rest.access.arm;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.UUID;

/** The answer of {@code Delete}: whether it succeeded, which profile, how many assignments went with it, errors. */
@JsonPropertyOrder({"success", "id", "name", "removedAssignments", "errors"})
public record ProfileDeletionResultModel(
        @JsonProperty("success") boolean success,
        @JsonProperty("id") UUID id,
        @JsonProperty("name") String name,
        @JsonProperty("removedAssignments") long removedAssignments,
        @JsonProperty("errors") List<ErrorModel> errors) {}
