package org.openprofiles.domain.shared;

/** The thing asked for does not exist (or is not visible to the caller). */
public final class NotFound extends DomainFailure {

    public NotFound(String code, String message) {
        super(code, null, message);
    }

    public NotFound(String code, String field, String message) {
        super(code, field, message);
    }
}
