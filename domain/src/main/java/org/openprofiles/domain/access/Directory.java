package org.openprofiles.domain.access;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.openprofiles.domain.shared.Page;
import org.openprofiles.domain.shared.PageRequest;

/**
 * The directory port: the accounts and groups the service knows, as a feed delivered them (the
 * directory sync from LDAP, or the bulk admin routes), read back in pages, and removed when the
 * directory no longer has them.
 */
public interface Directory {

    /**
     * Inserts or replaces these groups by id (a group marked missing that comes back is no longer
     * missing); answers which were new and which changed.
     */
    Merged<GroupId> mergeGroups(List<Group> groups);

    /**
     * Inserts or replaces these accounts by id, with their memberships and attribute values (an
     * empty value is no value); answers which were new and which changed in any of these.
     */
    Merged<AccountId> mergeAccounts(List<Account> accounts);

    Optional<AccountSummary> findAccount(AccountId id);

    /** Those of {@code ids} that are not known groups. */
    Set<GroupId> unknownGroups(Collection<GroupId> ids);

    /** Those of {@code ids} that are not known accounts. */
    Set<AccountId> unknownAccounts(Collection<AccountId> ids);

    /** The known groups among {@code ids}. */
    List<Group> groups(Collection<GroupId> ids);

    /** How many accounts are stored. */
    long accountCount();

    /** Up to {@code limit} stored account ids after {@code after}, in id order (as PostgreSQL orders ids). */
    List<AccountId> accountIds(Optional<AccountId> after, int limit);

    /** Up to {@code limit} stored group ids after {@code after}, in id order (as PostgreSQL orders ids). */
    List<GroupId> groupIds(Optional<GroupId> after, int limit);

    /**
     * Deletes these accounts with their memberships, attribute values, assignments and acceptances;
     * answers each account that existed and the profiles whose assignments ended with it.
     */
    List<RemovedAccount> removeAccounts(Collection<AccountId> ids);

    /**
     * Takes these groups out of the directory: a group no profile requires is deleted with its
     * memberships; one that profiles still require is kept, marked missing since {@code at} and
     * emptied of members. Answers each group that existed, with the profiles requiring it.
     */
    List<RemovedGroup> removeGroups(Collection<GroupId> ids, Instant at);

    /** Accounts ordered by samAccountName (ignoring case, then id), narrowed to a samAccountName prefix. */
    Page<AccountSummary> listAccounts(NamePrefix name, PageRequest page);

    /** Groups ordered by name (ignoring case, then id), narrowed to a name prefix. */
    Page<DirectoryGroup> listGroups(NamePrefix name, PageRequest page);
}
