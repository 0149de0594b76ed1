package org.openprofiles.adapter.rest.access.arm;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Optional;
import java.util.UUID;
import org.openprofiles.adapter.rest.shared.Paging;
import org.openprofiles.application.access.RemediateCompliance;
import org.openprofiles.domain.access.AccessProfileId;
import org.openprofiles.domain.access.AccountId;

/**
 * The body of a remediation: {@code accountId} or {@code profileId}; {@code apply} true to write
 * to the directory (absent or false: a dry run); for a profile, {@code limit} and {@code cursor}
 * page its non-compliant accounts.
 */
public record RemediationBody(
        @JsonProperty("accountId") String accountId,
        @JsonProperty("profileId") String profileId,
        @JsonProperty("apply") Boolean apply,
        @JsonProperty("limit") String limit,
        @JsonProperty("cursor") String cursor) {

    static RemediateCompliance.Command command(RemediationBody body) {
        RemediationBody given = body == null ? new RemediationBody(null, null, null, null, null) : body;
        return new RemediateCompliance.Command(
                optional(given.accountId(), "accountId").map(AccountId::new),
                optional(given.profileId(), "profileId").map(AccessProfileId::new),
                Boolean.TRUE.equals(given.apply()),
                Paging.request(given.limit(), given.cursor()));
    }

    private static Optional<UUID> optional(String guid, String field) {
        return guid == null || guid.isBlank() ? Optional.empty() : Optional.of(ArmQuery.guid(guid, field));
    }
}
