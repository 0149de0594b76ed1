package org.openprofiles.adapter.rest.access.arm;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.UUID;

/**
 * The answer of {@code CreateUpdate}: whether it succeeded, the profile's id, whether it was
 * created (else updated), its new version (also the {@code ETag}), the stored profile, and the
 * errors when it failed (then nothing was written).
 */
@JsonPropertyOrder({"success", "id", "created", "version", "profile", "errors"})
public record ProfileCreationResultModel(
        @JsonProperty("success") boolean success,
        @JsonProperty("id") UUID id,
        @JsonProperty("created") boolean created,
        @JsonProperty("version") Long version,
        @JsonProperty("profile") ProfileModel profile,
        @JsonProperty("errors") List<ErrorModel> errors) {

    static ProfileCreationResultModel failed(UUID id, List<ErrorModel> errors) {
        return new ProfileCreationResultModel(false, id, false, null, null, errors);
    }
}
