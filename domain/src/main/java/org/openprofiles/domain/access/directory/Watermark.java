package org.openprofiles.domain.access.directory;

/**
 * Where a directory read got to, as an opaque text the source wrote and alone understands (for an
 * Active Directory: the server and its highest committed USN; for OpenLDAP: a modifyTimestamp).
 * The caller stores it with a successful read and hands it back for the next incremental read.
 */
public record Watermark(String value) {

    public static final int MAX_LENGTH = 1024;

    public Watermark {
        if (value == null || value.isBlank() || value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException(
                    "a watermark is a non-blank text of at most " + MAX_LENGTH + " characters");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
