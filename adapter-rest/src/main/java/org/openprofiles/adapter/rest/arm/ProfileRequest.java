package org.openprofiles.adapter.rest.arm;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The body of {@code CreateUpdate}: a ProfileModel as a client sends it (any property case, type
 * tags tolerated, the read-only dates accepted and ignored), plus an optional {@code version} for optimistic
 * concurrency. Ids stay text here so that a malformed one is reported in the creation result.
 */
public record ProfileRequest(
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
    public record GroupReference(@JsonProperty("id") String id, @JsonProperty("guid") String guid,
                                 @JsonProperty("objectGuid") String objectGuid) {

        String anyId() {
            return id != null ? id : guid != null ? guid : objectGuid;
        }
    }
}
