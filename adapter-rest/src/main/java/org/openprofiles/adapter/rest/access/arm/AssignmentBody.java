package org.openprofiles.adapter.rest.access.arm;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;
import org.openprofiles.application.access.AssignProfile;
import org.openprofiles.domain.access.AccessProfileId;
import org.openprofiles.domain.access.AccountId;
import org.openprofiles.domain.shared.Invalid;

/** The body of {@code Assign} and {@code Unassign}: a profile, accounts, and a comment (required to assign). */
public record AssignmentBody(
        @JsonProperty("profileId") String profileId,
        @JsonProperty("accountIds") List<String> accountIds,
        @JsonProperty("comment") String comment) {

    /** The command this body asks for; a missing body or a malformed id is a 400 naming it. */
    static AssignProfile.Command command(AssignmentBody body) {
        if (body == null) {
            throw new Invalid("required", "body", "the body must name profileId and accountIds");
        }
        if (body.profileId() == null || body.profileId().isBlank()) {
            throw new Invalid("required", "profileId", "profileId is required");
        }
        AccessProfileId profile = new AccessProfileId(ArmQuery.guid(body.profileId(), "profileId"));
        List<AccountId> accounts = new ArrayList<>();
        List<String> given = body.accountIds() == null ? List.of() : body.accountIds();
        for (int i = 0; i < given.size(); i++) {
            accounts.add(new AccountId(ArmQuery.guid(given.get(i), "accountIds[" + i + "]")));
        }
        return new AssignProfile.Command(profile, accounts, body.comment());
    }
}
