package org.openprofiles.adapter.rest.arm;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The body of {@code Assign} and {@code Unassign}: a profile, accounts, and a comment (required to assign). */
public record AssignmentRequest(@JsonProperty("profileId") String profileId,
                                @JsonProperty("accountIds") List<String> accountIds,
                                @JsonProperty("comment") String comment) {
}
