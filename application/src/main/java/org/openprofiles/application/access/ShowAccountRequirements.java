package org.openprofiles.application.access;

import java.util.List;
import java.util.function.Supplier;
import org.openprofiles.application.shared.Transactions;
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
    private final Transactions transactions;

    public ShowAccountRequirements(
            AccessPolicy policy, Directory directory, Assignments assignments, Transactions transactions) {
        this.policy = policy;
        this.directory = directory;
        this.assignments = assignments;
        this.transactions = transactions;
    }

    public Page<RequiredGroup> groups(Principal caller, AccountId account, PageRequest page) {
        return forKnownAccount(caller, account, () -> assignments.requiredGroups(account, page));
    }

    public Page<RequiredAttribute> attributes(Principal caller, AccountId account, PageRequest page) {
        return forKnownAccount(caller, account, () -> assignments.requiredAttributes(account, page));
    }

    private <T> T forKnownAccount(Principal caller, AccountId account, Supplier<T> read) {
        policy.require(caller, Action.READ_ACCESS_PROFILES, ListAccessProfiles.PROFILES);
        return transactions.readOnly(() -> {
            if (directory.findAccount(account).isEmpty()) {
                throw Account.notFound(List.of(account), "accountId");
            }
            return read.get();
        });
    }
}
