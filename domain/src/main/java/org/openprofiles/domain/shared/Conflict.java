package org.openprofiles.domain.shared;

/** The request clashes with the current state (a duplicate name, a concurrent change). */
public final class Conflict extends DomainFailure {

    public Conflict(String code, String message) {
        super(code, null, message);
    }

    public Conflict(String code, String field, String message) {
        super(code, field, message);
    }
}
