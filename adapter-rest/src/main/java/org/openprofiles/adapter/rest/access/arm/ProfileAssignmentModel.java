package org.openprofiles.adapter.rest.access.arm;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.UUID;
import org.openprofiles.domain.access.ProfileAssignment;

/**
 * The vendor's ProfileAssignmentModel (PascalCase, as its reference lists it): profile, account,
 * the account's DNS domain, the user's display name ({@code UserName}, as the vendor defines it),
 * and whether it deviates from this profile without acceptance; plus the comment given when
 * assigning and when that was.
 */
@JsonPropertyOrder({"ProfileId", "UserId", "Fqdn", "UserName", "IsNonCompliant", "DisplayName", "Comment", "AssignedAt"
})
public record ProfileAssignmentModel(
        @JsonProperty("ProfileId") UUID profileId,
        @JsonProperty("UserId") UUID userId,
        @JsonProperty("Fqdn") String fqdn,
        @JsonProperty("UserName") String userName,
        @JsonProperty("IsNonCompliant") boolean isNonCompliant,
        @JsonProperty("DisplayName") String displayName,
        @JsonProperty("Comment") String comment,
        @JsonProperty("AssignedAt") String assignedAt) {

    static ProfileAssignmentModel from(ProfileAssignment assignment) {
        return new ProfileAssignmentModel(
                assignment.profileId().value(),
                assignment.account().id().value(),
                assignment.account().fqdn(),
                assignment.account().displayName(),
                assignment.nonCompliant(),
                assignment.account().displayName(),
                assignment.comment(),
                assignment.assignedAt().toString());
    }
}
