package org.openprofiles.domain.access.directory;

import java.util.List;
import org.openprofiles.domain.access.Account;
import org.openprofiles.domain.access.Group;

/**
 * Receives what a {@link DirectorySource} reads, one page at a time: all groups first, then the
 * accounts. A page is at most the source's page size; the lists are not kept by the source, so a
 * sink may hold or write them as it likes.
 */
public interface DirectorySink {

    /** A page of groups. */
    void groups(List<Group> page);

    /** A page of accounts, each with its resolved (nested) group memberships and catalog attributes. */
    void accounts(List<Account> page);
}
