package org.openprofiles.adapter.rest.access.arm;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.openprofiles.domain.access.AcceptedDeviation;
import org.openprofiles.domain.access.AccessProfileId;
import org.openprofiles.domain.access.AccountCompliance;
import org.openprofiles.domain.access.Deviation;

/**
 * One account in the compliance report: its profiles, each way it deviates from them that nobody
 * accepted, and the deviations accepted by someone (with who, why and until when), which do not
 * make it non-compliant.
 */
@JsonPropertyOrder({
    "accountId",
    "userName",
    "displayName",
    "fqdn",
    "enabled",
    "isNonCompliant",
    "hasNoProfile",
    "profileIds",
    "missingGroups",
    "wrongAttributes",
    "acceptedDeviations"
})
public record ComplianceModel(
        @JsonProperty("accountId") UUID accountId,
        @JsonProperty("userName") String userName,
        @JsonProperty("displayName") String displayName,
        @JsonProperty("fqdn") String fqdn,
        @JsonProperty("enabled") boolean enabled,
        @JsonProperty("isNonCompliant") boolean isNonCompliant,
        @JsonProperty("hasNoProfile") boolean hasNoProfile,
        @JsonProperty("profileIds") List<UUID> profileIds,
        @JsonProperty("missingGroups") List<MissingGroup> missingGroups,
        @JsonProperty("wrongAttributes") List<WrongAttribute> wrongAttributes,
        @JsonProperty("acceptedDeviations") List<AcceptedDeviationModel> acceptedDeviations) {

    /** A group the account should be in and is not. */
    @JsonPropertyOrder({"groupId", "name", "profileId"})
    public record MissingGroup(
            @JsonProperty("groupId") UUID groupId,
            @JsonProperty("name") String name,
            @JsonProperty("profileId") UUID profileId) {}

    /** An attribute without the value a profile requires ("" = no value). */
    @JsonPropertyOrder({"key", "expected", "actual", "profileId"})
    public record WrongAttribute(
            @JsonProperty("key") String key,
            @JsonProperty("expected") String expected,
            @JsonProperty("actual") String actual,
            @JsonProperty("profileId") UUID profileId) {}

    /** A deviation covered by an acceptance in force: the deviation as above, and the acceptance. */
    @JsonPropertyOrder({"kind", "profileId", "groupId", "name", "key", "expected", "actual", "acceptance"})
    public record AcceptedDeviationModel(
            @JsonProperty("kind") String kind,
            @JsonProperty("profileId") UUID profileId,
            @JsonProperty("groupId") UUID groupId,
            @JsonProperty("name") String name,
            @JsonProperty("key") String key,
            @JsonProperty("expected") String expected,
            @JsonProperty("actual") String actual,
            @JsonProperty("acceptance") AcceptanceModel acceptance) {

        static AcceptedDeviationModel from(AcceptedDeviation accepted) {
            AcceptanceModel acceptance = AcceptanceModel.from(accepted.acceptance(), true);
            if (accepted.deviation() instanceof Deviation.MissingGroup missing) {
                return new AcceptedDeviationModel(
                        AcceptanceModel.MISSING_GROUP,
                        missing.profileId().value(),
                        missing.group().id().value(),
                        missing.group().name(),
                        null,
                        null,
                        null,
                        acceptance);
            }
            if (accepted.deviation() instanceof Deviation.WrongAttribute wrong) {
                return new AcceptedDeviationModel(
                        AcceptanceModel.WRONG_ATTRIBUTE,
                        wrong.profileId().value(),
                        null,
                        null,
                        wrong.key(),
                        wrong.expected(),
                        wrong.actual(),
                        acceptance);
            }
            return new AcceptedDeviationModel(
                    AcceptanceModel.NO_PROFILE, null, null, null, null, null, null, acceptance);
        }
    }

    static ComplianceModel from(AccountCompliance line) {
        List<MissingGroup> groups = new ArrayList<>();
        List<WrongAttribute> attributes = new ArrayList<>();
        boolean noProfile = false;
        for (Deviation deviation : line.deviations()) {
            if (deviation instanceof Deviation.MissingGroup missing) {
                groups.add(new MissingGroup(
                        missing.group().id().value(),
                        missing.group().name(),
                        missing.profileId().value()));
            } else if (deviation instanceof Deviation.WrongAttribute wrong) {
                attributes.add(new WrongAttribute(
                        wrong.key(),
                        wrong.expected(),
                        wrong.actual(),
                        wrong.profileId().value()));
            } else {
                noProfile = true;
            }
        }
        return new ComplianceModel(
                line.account().id().value(),
                line.account().samAccountName(),
                line.account().displayName(),
                line.account().fqdn(),
                line.account().enabled(),
                line.nonCompliant(),
                noProfile,
                line.profiles().stream().map(AccessProfileId::value).toList(),
                groups,
                attributes,
                line.accepted().stream().map(AcceptedDeviationModel::from).toList());
    }
}
