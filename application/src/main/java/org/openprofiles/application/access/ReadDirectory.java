package org.openprofiles.application.access;

import org.openprofiles.application.shared.Transactions;
import org.openprofiles.domain.access.AccountSummary;
import org.openprofiles.domain.access.Directory;
import org.openprofiles.domain.access.DirectoryGroup;
import org.openprofiles.domain.access.NamePrefix;
import org.openprofiles.domain.security.AccessPolicy;
import org.openprofiles.domain.security.Action;
import org.openprofiles.domain.security.Principal;
import org.openprofiles.domain.security.Resource;
import org.openprofiles.domain.shared.Page;
import org.openprofiles.domain.shared.PageRequest;

/** The directory as the service holds it, read back page by page and narrowed by the start of a name. */
public final class ReadDirectory {

    static final Resource DIRECTORY = Resource.of("directory");

    private final AccessPolicy policy;
    private final Directory directory;
    private final Transactions transactions;

    public ReadDirectory(AccessPolicy policy, Directory directory, Transactions transactions) {
        this.policy = policy;
        this.directory = directory;
        this.transactions = transactions;
    }

    /** Accounts by samAccountName, those starting with {@code name} (ignoring case). */
    public Page<AccountSummary> accounts(Principal caller, NamePrefix name, PageRequest page) {
        policy.require(caller, Action.READ_DIRECTORY, DIRECTORY);
        return transactions.readOnly(() -> directory.listAccounts(name, page));
    }

    /** Groups by name, those starting with {@code name} (ignoring case); missing ones show since when. */
    public Page<DirectoryGroup> groups(Principal caller, NamePrefix name, PageRequest page) {
        policy.require(caller, Action.READ_DIRECTORY, DIRECTORY);
        return transactions.readOnly(() -> directory.listGroups(name, page));
    }
}
