package org.openprofiles.domain.shared;

/**
 * Well-formed input that cannot be processed as given, though nothing about the current state is
 * in the way: e.g. an idempotency key that was used before for a different request.
 */
public final class Unprocessable extends DomainFailure {

    public Unprocessable(String code, String field, String message) {
        super(code, field, message);
    }
}
