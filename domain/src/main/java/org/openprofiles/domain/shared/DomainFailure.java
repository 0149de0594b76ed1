package org.openprofiles.domain.shared;

import java.util.Optional;

/**
 * A business outcome that stops a use case: the small, closed family every layer agrees on.
 *
 * <p>Each failure carries a stable machine-readable {@code code} (clients may switch on it) and,
 * where one input is to blame, the name of that {@code field}. The domain never mentions HTTP;
 * the REST adapter maps each subtype to one status code in one place.
 */
public abstract sealed class DomainFailure extends RuntimeException
        permits NotFound, Forbidden, Conflict, Invalid, Unauthenticated, PreconditionFailed, Unprocessable {

    private final String code;
    private final String field;

    protected DomainFailure(String code, String field, String message) {
        super(message, null, false, false);
        this.code = requireText(code, "code");
        this.field = field;
    }

    public String code() {
        return code;
    }

    public Optional<String> field() {
        return Optional.ofNullable(field);
    }

    private static String requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }
}
