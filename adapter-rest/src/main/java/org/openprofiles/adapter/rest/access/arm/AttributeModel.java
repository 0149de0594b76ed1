package org.openprofiles.adapter.rest.access.arm;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.UUID;
import org.openprofiles.domain.access.RequiredAttribute;

/**
 * An attribute value an account's profile requires ({@code AttributesByAccount}): the key and
 * its label, the required value, the account's actual value ("" for none), whether they match,
 * and the profile that requires it.
 */
@JsonPropertyOrder({"key", "label", "value", "actualValue", "isCompliant", "profileId", "profileName"})
public record AttributeModel(
        @JsonProperty("key") String key,
        @JsonProperty("label") String label,
        @JsonProperty("value") String value,
        @JsonProperty("actualValue") String actualValue,
        @JsonProperty("isCompliant") boolean isCompliant,
        @JsonProperty("profileId") UUID profileId,
        @JsonProperty("profileName") String profileName) {

    static AttributeModel from(RequiredAttribute required) {
        return new AttributeModel(
                required.required().key(),
                required.label(),
                required.required().value(),
                required.actual(),
                required.compliant(),
                required.profileId().value(),
                required.profileName());
    }
}
