package org.openprofiles.application.access;

import java.util.List;
import java.util.function.Supplier;
import org.openprofiles.domain.access.AccessProfiles;
import org.openprofiles.domain.access.Account;
import org.openprofiles.domain.access.AccountId;
import org.openprofiles.domain.access.Assignments;
import org.openprofiles.domain.access.Directory;
import org.openprofiles.domain.access.RequiredAttribute;
import org.openprofiles.domain.access.RequiredGroup;
import org.openprofiles.domain.security.AccessPolicy;
import org.openprofiles.domain.security.Action;
import org.openprofiles.domain.security.Principal;
import org.openprofiles.domain.shared.Page;
import org.openprofiles.domain.shared.PageRequest;

/** What an account's assigned profiles require of it: groups and attribute values, each with whether it is met. */
public final class ShowAccountRequirements {

    private final AccessPolicy policy;
    private final Directory directory;
    private final Assignments assignments;
    private final AccessProfiles profiles;

    /** {@code profiles}: where the account's profiles are read, a cache ({@link CachedAccessProfiles}) in the server. */
    public ShowAccountRequirements(
            AccessPolicy policy, Directory directory, Assignments assignments, AccessProfiles profiles) {
        this.policy = policy;
        this.directory = directory;
        this.assignments = assignments;
        this.profiles = profiles;
    }

    public Page<RequiredGroup> groups(Principal caller, AccountId account, PageRequest page) {
        return forKnownAccount(caller, account, () -> assignments.requiredGroups(account, page, profiles));
    }

    public Page<RequiredAttribute> attributes(Principal caller, AccountId account, PageRequest page) {
        return forKnownAccount(caller, account, () -> assignments.requiredAttributes(account, page));
    }

    /**
     * The page {@code read} gives, for an account that exists. The page is read first, and only an
     * empty page asks whether the account exists: one statement in the common case, and either
     * order of the two reads describes a moment when the answer was true.
     */
    private <T> Page<T> forKnownAccount(Principal caller, AccountId account, Supplier<Page<T>> read) {
        policy.require(caller, Action.READ_ACCESS_PROFILES, ListAccessProfiles.PROFILES);
        Page<T> found = read.get();
        if (found.items().isEmpty() && directory.findAccount(account).isEmpty()) {
            throw Account.notFound(List.of(account), "accountId");
        }
        return found;
    }
}
