package org.openprofiles.domain.shared;

/** The caller is known but may not do what it asked. */
public final class Forbidden extends DomainFailure {

    public Forbidden(String code, String message) {
        super(code, null, message);
    }

    public Forbidden(String code, String field, String message) {
        super(code, field, message);
    }
}
