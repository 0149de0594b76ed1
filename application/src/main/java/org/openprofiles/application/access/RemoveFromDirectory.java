package org.openprofiles.application.access;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.openprofiles.application.shared.Audit;
import org.openprofiles.application.shared.Transactions;
import org.openprofiles.domain.access.Account;
import org.openprofiles.domain.access.AccountId;
import org.openprofiles.domain.access.Assignments;
import org.openprofiles.domain.access.Directory;
import org.openprofiles.domain.access.GroupId;
import org.openprofiles.domain.access.RemovedAccount;
import org.openprofiles.domain.access.RemovedGroup;
import org.openprofiles.domain.security.AccessPolicy;
import org.openprofiles.domain.security.Action;
import org.openprofiles.domain.security.Principal;
import org.openprofiles.domain.shared.Invalid;
import org.openprofiles.domain.shared.NotFound;

/**
 * Takes accounts and groups out of the directory for feeds without LDAP, with the same effect as a
 * sync that finds them gone (see {@link DirectoryRemoval}); all in one unit of work.
 */
public final class RemoveFromDirectory {

    /** What to remove. */
    public record Command(List<AccountId> accounts, List<GroupId> groups) {
        public Command {
            accounts = accounts == null ? List.of() : List.copyOf(accounts);
            groups = groups == null ? List.of() : List.copyOf(groups);
        }
    }

    /** What was removed, kept (groups profiles still require) and not found. */
    public record Outcome(
            List<RemovedAccount> removedAccounts,
            List<RemovedGroup> removedGroups,
            List<AccountId> unknownAccounts,
            List<GroupId> unknownGroups) {}

    private final AccessPolicy policy;
    private final Transactions transactions;
    private final DirectoryRemoval removal;
    private final Clock clock;

    public RemoveFromDirectory(
            AccessPolicy policy,
            Directory directory,
            Assignments assignments,
            Transactions transactions,
            Audit audit,
            Clock clock) {
        this.policy = policy;
        this.transactions = transactions;
        this.removal = new DirectoryRemoval(directory, assignments, audit);
        this.clock = clock;
    }

    public Outcome remove(Principal caller, Command command) {
        policy.require(caller, Action.MANAGE_DIRECTORY, ReadDirectory.DIRECTORY);
        int size = command.accounts().size() + command.groups().size();
        if (size == 0) {
            throw new Invalid("empty_batch", "body", "name at least one account or group to remove");
        }
        if (size > ImportDirectory.MAX_BATCH) {
            throw new Invalid(
                    "too_many",
                    "body",
                    "a removal names at most " + ImportDirectory.MAX_BATCH + " objects, was " + size);
        }
        Map<String, Object> via = Map.of("via", "feed");
        return transactions.inTransaction(() -> {
            List<RemovedAccount> accounts = removal.accounts(command.accounts(), Optional.of(caller.userId()), via);
            List<RemovedGroup> groups =
                    removal.groups(command.groups(), clock.instant(), Optional.of(caller.userId()), via);
            Set<AccountId> unknownAccounts = new LinkedHashSet<>(command.accounts());
            accounts.forEach(a -> unknownAccounts.remove(a.account().id()));
            Set<GroupId> unknownGroups = new LinkedHashSet<>(command.groups());
            groups.forEach(g -> unknownGroups.remove(g.group().id()));
            return new Outcome(accounts, groups, new ArrayList<>(unknownAccounts), new ArrayList<>(unknownGroups));
        });
    }

    /** Removes one account; 404 when there is none. */
    public RemovedAccount removeAccount(Principal caller, AccountId account) {
        Outcome outcome = remove(caller, new Command(List.of(account), List.of()));
        if (outcome.removedAccounts().isEmpty()) {
            throw Account.notFound(List.of(account), "id");
        }
        return outcome.removedAccounts().get(0);
    }

    /** Removes (or keeps as missing) one group; 404 when there is none. */
    public RemovedGroup removeGroup(Principal caller, GroupId group) {
        Outcome outcome = remove(caller, new Command(List.of(), List.of(group)));
        if (outcome.removedGroups().isEmpty()) {
            throw new NotFound("group_not_found", "id", "no directory group " + group);
        }
        return outcome.removedGroups().get(0);
    }
}
