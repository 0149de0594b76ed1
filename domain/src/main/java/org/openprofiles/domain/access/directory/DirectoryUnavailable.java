package org.openprofiles.domain.access.directory;

/**
 * The directory could not be read (or written) to the end. The message is for an administrator
 * and the log: it names the server, what was attempted and what the server or network said, and
 * never a password.
 */
public final class DirectoryUnavailable extends RuntimeException {

    /** What went wrong, for callers that react differently (a sync reports all the same way). */
    public enum Reason {
        /** no connection could be made (DNS, refused, TLS handshake) */
        UNREACHABLE,
        /** the server refused the bind credentials */
        BIND_REFUSED,
        /** the server did not answer within the configured time */
        TIMED_OUT,
        /** the connection broke part way (server stopped, network dropped) */
        CONNECTION_LOST,
        /** the server answered with an error (no such base DN, insufficient access, …) */
        REFUSED
    }

    private final Reason reason;

    public DirectoryUnavailable(Reason reason, String message) {
        super(message, null, false, false);
        if (reason == null) {
            throw new IllegalArgumentException("reason must not be null");
        }
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
