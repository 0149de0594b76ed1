package org.openprofiles.domain.access;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The directory port: the accounts and groups the service knows, as a feed delivered them (the
 * bulk admin routes today; an LDAP reader can call the same import use case).
 */
public interface Directory {

    /** Inserts or replaces these groups by id. */
    void upsertGroups(List<Group> groups);

    /** Inserts or replaces these accounts by id, with their memberships and attribute values. */
    void upsertAccounts(List<Account> accounts);

    Optional<AccountSummary> findAccount(AccountId id);

    /** Those of {@code ids} that are not known groups. */
    Set<GroupId> unknownGroups(Collection<GroupId> ids);

    /** Those of {@code ids} that are not known accounts. */
    Set<AccountId> unknownAccounts(Collection<AccountId> ids);

    /** The known groups among {@code ids}. */
    List<Group> groups(Collection<GroupId> ids);
}
