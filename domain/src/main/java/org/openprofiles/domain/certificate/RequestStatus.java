package org.openprofiles.domain.certificate;

import java.util.Arrays;
import java.util.Optional;

/**
 * Where a request stands, after {@code Microsoft.Clm.Shared.Requests.RequestStatus}, with the
 * vendor's published wire numbers.
 */
public enum RequestStatus {
    NONE(0),
    APPROVED(3),
    DENIED(4),
    COMPLETED(8),
    FAILED(9),
    PENDING(16),
    CANCELED(17),
    EXECUTING(18);

    private final int code;

    RequestStatus(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** Whether nothing more can happen to a request in this status. */
    public boolean isFinal() {
        return this == DENIED || this == COMPLETED || this == FAILED || this == CANCELED;
    }

    /** The status with this name, any case. */
    public static Optional<RequestStatus> fromName(String name) {
        return Arrays.stream(values())
                .filter(s -> s.name().equalsIgnoreCase(name == null ? "" : name.strip()))
                .findFirst();
    }

    public static Optional<RequestStatus> fromCode(int code) {
        return Arrays.stream(values()).filter(s -> s.code == code).findFirst();
    }
}
