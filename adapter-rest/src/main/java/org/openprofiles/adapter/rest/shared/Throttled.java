package org.openprofiles.adapter.rest.shared;

/**
 * A caller that failed to sign in too often must wait: answered 429 with {@code Retry-After}
 * ({@link ThrottledMapper}). Not a business failure: it is about the traffic, not the data.
 */
public final class Throttled extends RuntimeException {

    private final long retryAfterSeconds;

    public Throttled(long retryAfterSeconds, String message) {
        super(message, null, false, false);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** Seconds until the caller's window ends. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
