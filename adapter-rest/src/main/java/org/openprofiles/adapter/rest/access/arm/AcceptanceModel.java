package org.openprofiles.adapter.rest.access.arm;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.UUID;
import org.openprofiles.domain.access.AccessProfileId;
import org.openprofiles.domain.access.DeviationAcceptance;
import org.openprofiles.domain.access.DeviationKey;
import org.openprofiles.domain.access.GroupId;

/**
 * An accepted deviation (our model): which deviation of which account, why, until when (null:
 * until withdrawn), by whom and when, and whether it is in force now.
 */
@JsonPropertyOrder({"id", "accountId", "deviation", "comment", "expiresAt", "acceptedBy", "acceptedAt", "inForce"})
public record AcceptanceModel(
        @JsonProperty("id") UUID id,
        @JsonProperty("accountId") UUID accountId,
        @JsonProperty("deviation") DeviationRef deviation,
        @JsonProperty("comment") String comment,
        @JsonProperty("expiresAt") String expiresAt,
        @JsonProperty("acceptedBy") UUID acceptedBy,
        @JsonProperty("acceptedAt") String acceptedAt,
        @JsonProperty("inForce") boolean inForce) {

    static final String MISSING_GROUP = "missingGroup";
    static final String WRONG_ATTRIBUTE = "wrongAttribute";
    static final String NO_PROFILE = "noProfile";

    /**
     * Which deviation: {@code kind} missingGroup (with profileId and groupId), wrongAttribute (with
     * profileId and attribute) or noProfile; the parts a kind does not have are null.
     */
    @JsonPropertyOrder({"kind", "profileId", "groupId", "attribute"})
    public record DeviationRef(
            @JsonProperty("kind") String kind,
            @JsonProperty("profileId") UUID profileId,
            @JsonProperty("groupId") UUID groupId,
            @JsonProperty("attribute") String attribute) {

        static DeviationRef from(DeviationKey key) {
            return new DeviationRef(
                    switch (key.kind()) {
                        case MISSING_GROUP -> MISSING_GROUP;
                        case WRONG_ATTRIBUTE -> WRONG_ATTRIBUTE;
                        case NO_PROFILE -> NO_PROFILE;
                    },
                    key.profile().map(AccessProfileId::value).orElse(null),
                    key.group().map(GroupId::value).orElse(null),
                    key.attribute().orElse(null));
        }
    }

    static AcceptanceModel from(DeviationAcceptance acceptance, boolean inForce) {
        return new AcceptanceModel(
                acceptance.id().value(),
                acceptance.account().value(),
                DeviationRef.from(acceptance.deviation()),
                acceptance.comment(),
                acceptance.expiresAt().map(Instant::toString).orElse(null),
                acceptance.acceptedBy().value(),
                acceptance.acceptedAt().toString(),
                inForce);
    }
}
