package org.openprofiles.domain.shared;

/**
 * Something the service depends on (its database, a directory, a certificate authority) does not
 * answer right now. Not a business outcome and not the caller's mistake: the request may succeed
 * if repeated later, and nothing was changed.
 */
public class ServiceUnavailable extends RuntimeException {

    /** How long a client should wait before trying again, in seconds. */
    public static final int DEFAULT_RETRY_AFTER_SECONDS = 5;

    public ServiceUnavailable(String message, Throwable cause) {
        super(message, cause);
    }

    /** The seconds a client should wait before trying again. */
    public int retryAfterSeconds() {
        return DEFAULT_RETRY_AFTER_SECONDS;
    }
}
