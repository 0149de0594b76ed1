package org.openprofiles.adapter.jdbc.shared;

/** The database could not be reached or prepared at start-up; the message is one clear line. */
public final class DatabaseUnavailable extends RuntimeException {

    public DatabaseUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
