package org.openprofiles.adapter.rest.access.arm;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.UUID;
import org.openprofiles.application.access.AcceptDeviation;
import org.openprofiles.domain.access.AccessProfileId;
import org.openprofiles.domain.access.AccountId;
import org.openprofiles.domain.access.DeviationKey;
import org.openprofiles.domain.access.GroupId;
import org.openprofiles.domain.shared.Invalid;

/**
 * The body that accepts a deviation: {@code accountId}, {@code deviation} ({@code kind} and its
 * parts, as {@link AcceptanceModel.DeviationRef} writes them), a mandatory {@code comment}, and an
 * optional {@code expiresAt} (ISO-8601 with an offset, e.g. {@code 2027-01-31T00:00:00Z}).
 */
public record AcceptanceBody(
        @JsonProperty("accountId") String accountId,
        @JsonProperty("deviation") DeviationBody deviation,
        @JsonProperty("comment") String comment,
        @JsonProperty("expiresAt") String expiresAt) {

    /** The deviation part of the body. */
    public record DeviationBody(
            @JsonProperty("kind") String kind,
            @JsonProperty("profileId") String profileId,
            @JsonProperty("groupId") String groupId,
            @JsonProperty("attribute") String attribute) {}

    /** The command this body asks for; anything missing or malformed is a 400 naming the field. */
    static AcceptDeviation.Command command(AcceptanceBody body) {
        if (body == null) {
            throw new Invalid("required", "body", "the body must name accountId, deviation and comment");
        }
        if (body.accountId() == null || body.accountId().isBlank()) {
            throw new Invalid("required", "accountId", "accountId is required");
        }
        AccountId account = new AccountId(ArmQuery.guid(body.accountId(), "accountId"));
        DeviationBody d = body.deviation();
        if (d == null || d.kind() == null) {
            throw new Invalid(
                    "required",
                    "deviation.kind",
                    "deviation.kind is required: missingGroup, wrongAttribute or noProfile");
        }
        DeviationKey key = switch (d.kind().strip()) {
            case AcceptanceModel.MISSING_GROUP ->
                DeviationKey.missingGroup(profile(d), new GroupId(required(d.groupId(), "deviation.groupId")));
            case AcceptanceModel.WRONG_ATTRIBUTE -> {
                if (d.attribute() == null || d.attribute().isBlank()) {
                    throw new Invalid("required", "deviation.attribute", "deviation.attribute is required");
                }
                yield DeviationKey.wrongAttribute(profile(d), d.attribute());
            }
            case AcceptanceModel.NO_PROFILE -> DeviationKey.noProfile();
            default ->
                throw new Invalid(
                        "invalid_kind",
                        "deviation.kind",
                        "deviation.kind must be missingGroup, wrongAttribute or noProfile, was '" + d.kind() + "'");
        };
        return new AcceptDeviation.Command(account, key, body.comment(), expiry(body.expiresAt()));
    }

    private static AccessProfileId profile(DeviationBody d) {
        return new AccessProfileId(required(d.profileId(), "deviation.profileId"));
    }

    private static UUID required(String guid, String field) {
        if (guid == null || guid.isBlank()) {
            throw new Invalid("required", field, field + " is required");
        }
        return ArmQuery.guid(guid, field);
    }

    private static Optional<Instant> expiry(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(text.strip()).toInstant());
        } catch (DateTimeParseException e) {
            throw new Invalid(
                    "invalid_date",
                    "expiresAt",
                    "expiresAt must be an ISO-8601 date and time with an offset (2027-01-31T00:00:00Z), was '" + text
                            + "'");
        }
    }
}
