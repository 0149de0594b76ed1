package org.openprofiles.adapter.rest.arm;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import org.openprofiles.domain.shared.DomainFailure;
import org.openprofiles.domain.shared.Invalid;

/** One error inside a creation or deletion result: the input at fault, a stable code, a sentence. */
@JsonPropertyOrder({"field", "code", "message"})
public record ErrorModel(@JsonProperty("field") String field, @JsonProperty("code") String code,
                         @JsonProperty("message") String message) {

    static List<ErrorModel> from(DomainFailure failure) {
        if (failure instanceof Invalid invalid) {
            return invalid.violations().stream().map(v -> new ErrorModel(v.field(), v.code(), v.message())).toList();
        }
        return List.of(new ErrorModel(failure.field().orElse(null), failure.code(), failure.getMessage()));
    }
}
