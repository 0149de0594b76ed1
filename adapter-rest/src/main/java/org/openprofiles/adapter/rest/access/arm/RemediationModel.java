package org.openprofiles.adapter.rest.access.arm;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.openprofiles.application.access.RemediateCompliance;
import org.openprofiles.domain.access.directory.DirectoryChange;

/**
 * A remediation plan, or its results when applied (our model): per account the changes that bring
 * it in line — groups to add it to, attribute values to set — each with the profile requiring it
 * and, once applied, its outcome; what the directory cannot fix; and the cursor of the next page of
 * a profile's accounts.
 */
@JsonPropertyOrder({"dryRun", "accounts", "nextCursor"})
public record RemediationModel(
        @JsonProperty("dryRun") boolean dryRun,
        @JsonProperty("accounts") List<AccountPlanModel> accounts,
        @JsonProperty("nextCursor") String nextCursor) {

    /** The plan for one account. */
    @JsonPropertyOrder({"accountId", "userName", "displayName", "changes", "notRemediable"})
    public record AccountPlanModel(
            @JsonProperty("accountId") UUID accountId,
            @JsonProperty("userName") String userName,
            @JsonProperty("displayName") String displayName,
            @JsonProperty("changes") List<ChangeModel> changes,
            @JsonProperty("notRemediable") List<String> notRemediable) {}

    /**
     * One change: {@code addToGroup} (groupId, groupName) or {@code setAttribute} (attribute, value,
     * currentValue); the profile requiring it; {@code outcome} (applied, already_in_place, failed,
     * not_attempted) and {@code message} once applied, else null.
     */
    @JsonPropertyOrder({
        "type",
        "groupId",
        "groupName",
        "attribute",
        "value",
        "currentValue",
        "profileId",
        "profileName",
        "outcome",
        "message"
    })
    public record ChangeModel(
            @JsonProperty("type") String type,
            @JsonProperty("groupId") UUID groupId,
            @JsonProperty("groupName") String groupName,
            @JsonProperty("attribute") String attribute,
            @JsonProperty("value") String value,
            @JsonProperty("currentValue") String currentValue,
            @JsonProperty("profileId") UUID profileId,
            @JsonProperty("profileName") String profileName,
            @JsonProperty("outcome") String outcome,
            @JsonProperty("message") String message) {

        static ChangeModel from(RemediateCompliance.PlannedChange planned) {
            String outcome = planned.result()
                    .map(r -> r.outcome().name().toLowerCase(Locale.ROOT))
                    .orElse(null);
            String message = planned.result().map(r -> r.message()).orElse(null);
            if (planned.change() instanceof DirectoryChange.AddToGroup add) {
                return new ChangeModel(
                        "addToGroup",
                        add.group().value(),
                        planned.group().map(g -> g.name()).orElse(null),
                        null,
                        null,
                        null,
                        planned.profile().value(),
                        planned.profileName(),
                        outcome,
                        message);
            }
            DirectoryChange.SetAttribute set = (DirectoryChange.SetAttribute) planned.change();
            return new ChangeModel(
                    "setAttribute",
                    null,
                    null,
                    set.value().key(),
                    set.value().value(),
                    planned.currentValue().orElse(null),
                    planned.profile().value(),
                    planned.profileName(),
                    outcome,
                    message);
        }
    }

    static RemediationModel from(RemediateCompliance.Outcome outcome) {
        return new RemediationModel(
                !outcome.applied(),
                outcome.accounts().stream()
                        .map(a -> new AccountPlanModel(
                                a.account().id().value(),
                                a.account().samAccountName(),
                                a.account().displayName(),
                                a.changes().stream().map(ChangeModel::from).toList(),
                                a.notRemediable()))
                        .toList(),
                outcome.nextCursor().orElse(null));
    }
}
