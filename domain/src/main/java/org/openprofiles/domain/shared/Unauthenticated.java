package org.openprofiles.domain.shared;

/** The caller could not be identified: no, bad, expired or revoked credentials. */
public final class Unauthenticated extends DomainFailure {

    public Unauthenticated(String code, String message) {
        super(code, null, message);
    }

    public Unauthenticated(String code, String field, String message) {
        super(code, field, message);
    }
}
