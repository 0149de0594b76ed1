package org.openprofiles.domain.access.directory;

/** What became of one {@link DirectoryChange}, with a sentence for the operator and the audit trail. */
public record DirectoryChangeResult(DirectoryChange change, Outcome outcome, String message) {

    public DirectoryChangeResult {
        if (change == null || outcome == null || message == null) {
            throw new IllegalArgumentException("change, outcome and message must not be null");
        }
    }

    /** The outcome of one change. */
    public enum Outcome {
        /** the directory was changed */
        APPLIED,
        /** the directory already was that way; nothing was written */
        ALREADY_IN_PLACE,
        /** the server refused or the account/group was not found; nothing was written */
        FAILED,
        /** not tried because the connection was lost on an earlier change */
        NOT_ATTEMPTED
    }
}
