package org.openprofiles.adapter.rest.access.admin;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.UUID;
import org.openprofiles.application.access.RemoveFromDirectory;
import org.openprofiles.domain.access.AccessProfileId;
import org.openprofiles.domain.access.AccountId;
import org.openprofiles.domain.access.GroupId;
import org.openprofiles.domain.access.RemovedGroup;

/**
 * What a removal did: accounts removed (with the profiles whose assignments ended), groups deleted,
 * groups kept as missing because profiles still require them, and ids that named nothing.
 */
@JsonPropertyOrder({"removedAccounts", "removedGroups", "keptGroups", "unknownAccounts", "unknownGroups"})
public record RemovalResultModel(
        @JsonProperty("removedAccounts") List<RemovedAccountModel> removedAccounts,
        @JsonProperty("removedGroups") List<UUID> removedGroups,
        @JsonProperty("keptGroups") List<KeptGroupModel> keptGroups,
        @JsonProperty("unknownAccounts") List<UUID> unknownAccounts,
        @JsonProperty("unknownGroups") List<UUID> unknownGroups) {

    /** A removed account and the profiles whose assignments to it ended. */
    @JsonPropertyOrder({"id", "samAccountName", "endedAssignments"})
    public record RemovedAccountModel(
            @JsonProperty("id") UUID id,
            @JsonProperty("samAccountName") String samAccountName,
            @JsonProperty("endedAssignments") List<UUID> endedAssignments) {}

    /** A group kept, marked missing, because these profiles require it. */
    @JsonPropertyOrder({"id", "name", "requiredBy"})
    public record KeptGroupModel(
            @JsonProperty("id") UUID id,
            @JsonProperty("name") String name,
            @JsonProperty("requiredBy") List<UUID> requiredBy) {}

    static RemovalResultModel from(RemoveFromDirectory.Outcome outcome) {
        return new RemovalResultModel(
                outcome.removedAccounts().stream()
                        .map(a -> new RemovedAccountModel(
                                a.account().id().value(),
                                a.account().samAccountName(),
                                a.endedAssignments().stream()
                                        .map(AccessProfileId::value)
                                        .toList()))
                        .toList(),
                outcome.removedGroups().stream()
                        .filter(g -> !g.kept())
                        .map(g -> g.group().id().value())
                        .toList(),
                outcome.removedGroups().stream()
                        .filter(RemovedGroup::kept)
                        .map(g -> new KeptGroupModel(
                                g.group().id().value(),
                                g.group().name(),
                                g.requiredBy().stream()
                                        .map(AccessProfileId::value)
                                        .toList()))
                        .toList(),
                outcome.unknownAccounts().stream().map(AccountId::value).toList(),
                outcome.unknownGroups().stream().map(GroupId::value).toList());
    }
}
