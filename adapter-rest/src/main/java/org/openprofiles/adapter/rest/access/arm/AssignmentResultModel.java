package org.openprofiles.adapter.rest.access.arm;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.UUID;

/** The answer of {@code Assign}/{@code Unassign}: how many accounts changed and how many already were as asked. */
@JsonPropertyOrder({"success", "profileId", "changed", "unchanged"})
public record AssignmentResultModel(
        @JsonProperty("success") boolean success,
        @JsonProperty("profileId") UUID profileId,
        @JsonProperty("changed") int changed,
        @JsonProperty("unchanged") int unchanged) {}
