package org.openprofiles.domain.shared;

/** The caller's copy is stale: the version it names is not the current one. */
public final class PreconditionFailed extends DomainFailure {

    public PreconditionFailed(String code, String message) {
        super(code, null, message);
    }

    public PreconditionFailed(String code, String field, String message) {
        super(code, field, message);
    }
}
