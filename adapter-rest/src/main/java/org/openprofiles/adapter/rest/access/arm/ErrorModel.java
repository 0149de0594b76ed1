package org.openprofiles.adapter.rest.access.arm;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import org.openprofiles.domain.shared.DomainFailure;
import org.openprofiles.domain.shared.Forbidden;
import org.openprofiles.domain.shared.Invalid;
import org.openprofiles.domain.shared.Unauthenticated;

/** One error inside a creation or deletion result: the input at fault, a stable code, a sentence. */
@JsonPropertyOrder({"field", "code", "message"})
public record ErrorModel(
        @JsonProperty("field") String field,
        @JsonProperty("code") String code,
        @JsonProperty("message") String message) {

    static List<ErrorModel> from(DomainFailure failure) {
        if (failure instanceof Invalid invalid) {
            return invalid.violations().stream()
                    .map(v -> new ErrorModel(v.field(), v.code(), v.message()))
                    .toList();
        }
        return List.of(new ErrorModel(failure.field().orElse(null), failure.code(), failure.getMessage()));
    }

    /**
     * Whether a failure of a write on a profile is answered in the vendor's result body. Who the
     * caller is and may do is not about the profile: those get the service's usual problem body.
     */
    static boolean reportedInBody(DomainFailure failure) {
        return !(failure instanceof Forbidden || failure instanceof Unauthenticated);
    }
}
