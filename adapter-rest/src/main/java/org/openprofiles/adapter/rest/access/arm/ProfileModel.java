package org.openprofiles.adapter.rest.access.arm;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.openprofiles.domain.access.AccessProfile;

/** The vendor's ProfileModel, exactly as its document shows it, {@code Type} GUID first. */
@JsonPropertyOrder({
    "Type",
    "id",
    "name",
    "description",
    "color",
    "initials",
    "creationDateTimeLocal",
    "lastModifiedDateTimeLocal",
    "groups",
    "ldapAttributes"
})
public record ProfileModel(
        @JsonProperty("Type") String type,
        @JsonProperty("id") UUID id,
        @JsonProperty("name") String name,
        @JsonProperty("description") String description,
        @JsonProperty("color") int color,
        @JsonProperty("initials") String initials,
        @JsonProperty("creationDateTimeLocal") String creationDateTimeLocal,
        @JsonProperty("lastModifiedDateTimeLocal") String lastModifiedDateTimeLocal,
        @JsonProperty("groups") List<GroupModel> groups,
        @JsonProperty("ldapAttributes") List<LdapAttributeModel> ldapAttributes) {

    /** The type tag every ProfileModel carries. */
    public static final String TYPE = "6E2B77D2-22A8-44D7-BAB0-852573F89227";

    static ProfileModel from(AccessProfile profile, ZoneId zone) {
        return new ProfileModel(
                TYPE,
                profile.id().value(),
                profile.name(),
                profile.description(),
                profile.color(),
                profile.initials(),
                ArmDates.format(profile.createdAt(), zone),
                ArmDates.format(profile.modifiedAt(), zone),
                profile.groups().stream().map(GroupModel::from).toList(),
                profile.attributes().stream().map(LdapAttributeModel::from).toList());
    }
}
