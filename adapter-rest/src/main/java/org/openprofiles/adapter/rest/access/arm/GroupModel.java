package org.openprofiles.adapter.rest.access.arm;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.UUID;
import org.openprofiles.domain.access.Group;
import org.openprofiles.domain.access.RequiredGroup;

/**
 * A directory group, shaped like the vendor's account model of a group ({@code isGroup} true). In
 * a profile it carries only the group; in {@code GroupsByAccount} it also says which profile
 * requires it and whether the account is a member.
 */
@JsonPropertyOrder({"id", "displayName", "distinguishedName", "isGroup", "profileId", "profileName", "isMember"})
public record GroupModel(
        @JsonProperty("id") UUID id,
        @JsonProperty("displayName") String displayName,
        @JsonProperty("distinguishedName") String distinguishedName,
        @JsonProperty("isGroup") boolean isGroup,

        @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("profileId")
        UUID profileId,

        @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("profileName")
        String profileName,

        @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("isMember")
        Boolean isMember) {

    static GroupModel from(Group group) {
        return new GroupModel(group.id().value(), group.name(), group.distinguishedName(), true, null, null, null);
    }

    static GroupModel from(RequiredGroup required) {
        Group group = required.group();
        return new GroupModel(
                group.id().value(),
                group.name(),
                group.distinguishedName(),
                true,
                required.profileId().value(),
                required.profileName(),
                required.member());
    }
}
