package org.openprofiles.application.access;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openprofiles.application.shared.Audit;
import org.openprofiles.application.shared.Transactions;
import org.openprofiles.domain.access.Account;
import org.openprofiles.domain.access.AccountId;
import org.openprofiles.domain.access.Assignments;
import org.openprofiles.domain.access.Directory;
import org.openprofiles.domain.access.Group;
import org.openprofiles.domain.access.GroupId;
import org.openprofiles.domain.access.Merged;
import org.openprofiles.domain.security.AccessPolicy;
import org.openprofiles.domain.security.Action;
import org.openprofiles.domain.security.Principal;
import org.openprofiles.domain.security.Resource;
import org.openprofiles.domain.shared.Invalid;
import org.openprofiles.domain.shared.Invalid.Violation;

/**
 * Loads directory groups and accounts in bulk, all or nothing, for feeds without LDAP (a script, an
 * HR export): every item is checked before any is written; only what differs is written.
 */
public final class ImportDirectory {

    public static final int MAX_BATCH = 10_000;
    private static final Resource DIRECTORY = Resource.of("directory");

    private final AccessPolicy policy;
    private final Directory directory;
    private final Assignments assignments;
    private final Transactions transactions;
    private final Audit audit;

    public ImportDirectory(
            AccessPolicy policy, Directory directory, Assignments assignments, Transactions transactions, Audit audit) {
        this.policy = policy;
        this.directory = directory;
        this.assignments = assignments;
        this.transactions = transactions;
        this.audit = audit;
    }

    /** How a batch went: items given, how many of them were new, how many changed. */
    public record Outcome(int upserted, int added, int changed) {
        static Outcome of(int size, Merged<?> merged) {
            return new Outcome(size, merged.added().size(), merged.changed().size());
        }
    }

    public Outcome groups(Principal caller, List<Group> groups) {
        policy.require(caller, Action.MANAGE_DIRECTORY, DIRECTORY);
        checkBatch(groups.size());
        Set<GroupId> seen = new HashSet<>();
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            if (!seen.add(groups.get(i).id())) {
                violations.add(new Violation(
                        "[" + i + "].id",
                        "duplicate_id",
                        "group " + groups.get(i).id() + " is given more than once"));
            }
        }
        failOn(violations);
        return transactions.inTransaction(() -> {
            Merged<GroupId> merged = directory.mergeGroups(groups);
            audit.record(
                    caller, "directory.import-groups", "directory", "groups", Map.of(), Map.of("count", groups.size()));
            return Outcome.of(groups.size(), merged);
        });
    }

    public Outcome accounts(Principal caller, List<Account> accounts) {
        policy.require(caller, Action.MANAGE_DIRECTORY, DIRECTORY);
        checkBatch(accounts.size());
        return transactions.inTransaction(() -> {
            Set<AccountId> seen = new HashSet<>();
            Set<GroupId> named = new HashSet<>();
            accounts.forEach(a -> named.addAll(a.groups()));
            Set<GroupId> unknown = directory.unknownGroups(named);
            List<Violation> violations = new ArrayList<>();
            for (int i = 0; i < accounts.size(); i++) {
                Account account = accounts.get(i);
                if (!seen.add(account.id())) {
                    violations.add(new Violation(
                            "[" + i + "].id", "duplicate_id", "account " + account.id() + " is given more than once"));
                }
                for (GroupId group : account.groups()) {
                    if (unknown.contains(group)) {
                        violations.add(new Violation(
                                "[" + i + "].groups",
                                "unknown_group",
                                "group " + group + " is not a known directory group; import groups first"));
                    }
                }
            }
            failOn(violations);
            Merged<AccountId> merged = directory.mergeAccounts(accounts);
            Set<AccountId> touched = new HashSet<>(merged.added());
            touched.addAll(merged.changed());
            assignments.recheck(touched);
            audit.record(
                    caller,
                    "directory.import-accounts",
                    "directory",
                    "accounts",
                    Map.of(),
                    Map.of("count", accounts.size()));
            return Outcome.of(accounts.size(), merged);
        });
    }

    private static void checkBatch(int size) {
        if (size == 0) {
            throw new Invalid("empty_batch", "body", "the batch is empty");
        }
        if (size > MAX_BATCH) {
            throw new Invalid("too_many", "body", "a batch holds at most " + MAX_BATCH + " items, was " + size);
        }
    }

    private static void failOn(List<Violation> violations) {
        if (!violations.isEmpty()) {
            throw new Invalid(violations.size() > 100 ? violations.subList(0, 100) : violations);
        }
    }
}
