package org.openprofiles.domain.access.directory;

/**
 * Reads the organisation's directory: every group, then the accounts (all of them, or only those
 * changed since a {@link Watermark}), handed to a {@link DirectorySink} page by page so that the
 * directory is never held in memory as a whole.
 *
 * <p>Contract for callers (the sync):
 * <ul>
 *   <li>The sink sees every group before the first account, and an account names only groups the
 *       sink has already been given (memberships in groups outside the group filter are left out).
 *       Nested membership is resolved: an account's groups are every group it is in directly or
 *       through other groups.</li>
 *   <li>What the sink received counts only when {@code read} returns. If it throws
 *       {@link DirectoryUnavailable} (unreachable, bind refused, timeout, connection lost part way)
 *       the pages delivered so far are an incomplete picture and must be thrown away; the caller
 *       keeps its previous data.</li>
 *   <li>An exception thrown by the sink stops the read and comes out of {@code read} unchanged.</li>
 *   <li>Groups are always read completely, so a group the sink did not receive is gone. Accounts are
 *       complete only when {@link DirectoryReadResult#accountsComplete()}: then an account the sink
 *       did not receive is gone. An incremental read cannot see deletions; a full read (scheduled,
 *       or on demand) finds them.</li>
 * </ul>
 */
public interface DirectorySource {

    /**
     * Reads the directory into {@code sink}.
     *
     * @throws DirectoryUnavailable when the directory cannot be read to the end
     */
    DirectoryReadResult read(DirectoryReadRequest request, DirectorySink sink);
}
