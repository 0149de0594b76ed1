package org.openprofiles.adapter.rest.certificate.cm;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.openprofiles.domain.certificate.ProfileTemplate;

/**
 * The vendor's {@code ProfileTemplateLimitedView}: what a requester needs to pick a template. This
 * service has software profiles only, so neither smart-card flag is ever set.
 */
@JsonPropertyOrder({"Name", "Description", "Uuid", "IsSmartcardProfileTemplate", "IsVirtualSmartcardProfileTemplate"})
public record ProfileTemplateModel(
        @JsonProperty("Name") String name,
        @JsonProperty("Description") String description,
        @JsonProperty("Uuid") String uuid,
        @JsonProperty("IsSmartcardProfileTemplate") boolean isSmartcardProfileTemplate,
        @JsonProperty("IsVirtualSmartcardProfileTemplate") boolean isVirtualSmartcardProfileTemplate) {

    public static ProfileTemplateModel from(ProfileTemplate template) {
        return new ProfileTemplateModel(
                template.name(), template.description(), template.id().toString(), false, false);
    }
}
