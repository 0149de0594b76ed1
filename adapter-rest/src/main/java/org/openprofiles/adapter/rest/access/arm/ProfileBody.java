package org.openprofiles.adapter.rest.access.arm;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.openprofiles.adapter.rest.shared.Guids;
import org.openprofiles.domain.access.AccessProfileId;
import org.openprofiles.domain.access.AttributeValue;
import org.openprofiles.domain.access.GroupId;
import org.openprofiles.domain.access.ProfileDraft;
import org.openprofiles.domain.shared.Invalid;
import org.openprofiles.domain.shared.Invalid.Violation;

/**
 * The body of {@code CreateUpdate}: a ProfileModel as a client sends it (any property case, type
 * tags tolerated, the read-only dates accepted and ignored), plus an optional {@code version} for optimistic
 * concurrency. Ids stay text here so that a malformed one is reported in the creation result.
 */
public record ProfileBody(
        @JsonProperty("id") String id,
        @JsonProperty("name") String name,
        @JsonProperty("description") String description,
        @JsonProperty("color") Integer color,
        @JsonProperty("initials") String initials,
        @JsonProperty("groups") List<GroupReference> groups,
        @JsonProperty("ldapAttributes") List<LdapAttributeModel> ldapAttributes,
        @JsonProperty("version") Long version,
        // Read-only: accepted so that a client may send back a model it read, and ignored.
        @JsonProperty("creationDateTimeLocal") String creationDateTimeLocal,
        @JsonProperty("lastModifiedDateTimeLocal") String lastModifiedDateTimeLocal) {

    /**
     * A group in a request: the vendor's account model of a group, of which only the id is used
     * ({@code id}, or {@code guid} / {@code objectGuid} as other clients name it).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record GroupReference(
            @JsonProperty("id") String id,
            @JsonProperty("guid") String guid,
            @JsonProperty("objectGuid") String objectGuid) {

        String anyId() {
            return id != null ? id : guid != null ? guid : objectGuid;
        }
    }

    /** The profile this body names: none for no id or the nil GUID (both create), else the id. */
    Optional<AccessProfileId> profileId() {
        return Guids.parseReference(id, "id").map(AccessProfileId::new);
    }

    /**
     * The draft in this body. A malformed group id or attribute entry is added to {@code malformed}
     * and stands in the draft as a placeholder, so that every later error keeps its index.
     */
    ProfileDraft draft(List<Violation> malformed) {
        List<GroupId> groupIds = new ArrayList<>();
        List<GroupReference> givenGroups = groups == null ? List.of() : groups;
        for (int i = 0; i < givenGroups.size(); i++) {
            String field = "groups[" + i + "]";
            GroupReference group = givenGroups.get(i);
            try {
                if (group == null || group.anyId() == null) {
                    throw new Invalid("required", field, field + " needs an id");
                }
                groupIds.add(new GroupId(ArmQuery.guid(group.anyId(), field)));
            } catch (Invalid invalid) {
                malformed.addAll(invalid.violations());
                groupIds.add(new GroupId(Guids.NIL_UUID));
            }
        }
        List<AttributeValue> attributes = new ArrayList<>();
        List<LdapAttributeModel> givenAttributes = ldapAttributes == null ? List.of() : ldapAttributes;
        for (int i = 0; i < givenAttributes.size(); i++) {
            LdapAttributeModel attribute = givenAttributes.get(i);
            String field = "ldapAttributes[" + i + "]";
            if (attribute == null || attribute.key() == null || attribute.key().isBlank()) {
                malformed.add(new Violation(field, "required", field + " needs a key"));
                attributes.add(new AttributeValue("?" + i, ""));
            } else if (attribute.value() != null
                    && !(attribute.value() instanceof String
                            || attribute.value() instanceof Number
                            || attribute.value() instanceof Boolean)) {
                malformed.add(new Violation(
                        field,
                        "invalid_value",
                        "attribute '" + attribute.key() + "' needs a text, number or boolean value"));
                attributes.add(new AttributeValue(attribute.key(), ""));
            } else {
                attributes.add(new AttributeValue(
                        attribute.key(),
                        attribute.value() == null ? "" : attribute.value().toString()));
            }
        }
        return new ProfileDraft(name, description, color, initials, groupIds, attributes);
    }
}
