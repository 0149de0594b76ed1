package org.openprofiles.domain.access.directory;

import java.util.List;

/**
 * Brings accounts in line in the organisation's directory (remediation): adds an account to a
 * group, sets an attribute value. Each change is applied on its own and reports its own result;
 * one failing does not stop the others.
 */
public interface DirectoryWriter {

    /**
     * Applies {@code changes} in order and answers one result per change, in the same order.
     *
     * @throws org.openprofiles.domain.shared.Forbidden when the settings do not allow writing
     *         (nothing is attempted)
     * @throws DirectoryUnavailable when no connection could be made at all (nothing was applied)
     */
    List<DirectoryChangeResult> apply(List<DirectoryChange> changes);
}
