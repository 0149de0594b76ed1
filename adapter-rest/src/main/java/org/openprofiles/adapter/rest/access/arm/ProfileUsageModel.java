package org.openprofiles.adapter.rest.access.arm;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.openprofiles.domain.access.ProfileUsage;

/** Additional information on one profile: accounts assigned, and those deviating from the profile. */
@JsonPropertyOrder({"assignedAccounts", "nonCompliantAccounts"})
public record ProfileUsageModel(
        @JsonProperty("assignedAccounts") long assignedAccounts,
        @JsonProperty("nonCompliantAccounts") long nonCompliantAccounts) {

    static ProfileUsageModel from(ProfileUsage usage) {
        return new ProfileUsageModel(usage.assignedAccounts(), usage.nonCompliantAccounts());
    }
}
