package org.openprofiles.adapter.rest.access.arm;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.openprofiles.domain.access.AttributeValue;

/**
 * One entry of a profile's {@code ldapAttributes}: a key/value pair. Values are written as
 * strings; clients may send strings, booleans or numbers.
 */
@JsonPropertyOrder({"key", "value"})
public record LdapAttributeModel(
        @JsonProperty("key") String key,
        @JsonProperty("value") Object value) {

    static LdapAttributeModel from(AttributeValue value) {
        return new LdapAttributeModel(value.key(), value.value());
    }
}
