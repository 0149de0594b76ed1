package org.openprofiles.application.access;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openprofiles.application.shared.Audit;
import org.openprofiles.application.shared.Transactions;
import org.openprofiles.domain.access.AccessProfile;
import org.openprofiles.domain.access.AccessProfileId;
import org.openprofiles.domain.access.AccessProfiles;
import org.openprofiles.domain.access.Account;
import org.openprofiles.domain.access.AccountId;
import org.openprofiles.domain.access.Assignments;
import org.openprofiles.domain.access.Directory;
import org.openprofiles.domain.security.AccessPolicy;
import org.openprofiles.domain.security.Action;
import org.openprofiles.domain.security.Principal;
import org.openprofiles.domain.shared.Invalid;

/**
 * Assigns a profile to accounts, or takes it away, with a comment kept with the assignment and in
 * the audit trail. Assigning requires a comment; unknown accounts refuse the whole call.
 */
public final class AssignProfile {

    public static final int MAX_ACCOUNTS = 1000;
    public static final int MAX_COMMENT_LENGTH = 1024;

    /** Which profile, which accounts, and why. */
    public record Command(AccessProfileId profile, List<AccountId> accounts, String comment) {
        public Command {
            accounts = accounts == null ? List.of() : List.copyOf(accounts);
            comment = comment == null ? "" : comment.strip();
        }
    }

    /** How many accounts changed, and how many were already as asked. */
    public record Outcome(int changed, int unchanged) {}

    private final AccessPolicy policy;
    private final AccessProfiles profiles;
    private final Directory directory;
    private final Assignments assignments;
    private final Transactions transactions;
    private final Audit audit;
    private final Clock clock;

    public AssignProfile(
            AccessPolicy policy,
            AccessProfiles profiles,
            Directory directory,
            Assignments assignments,
            Transactions transactions,
            Audit audit,
            Clock clock) {
        this.policy = policy;
        this.profiles = profiles;
        this.directory = directory;
        this.assignments = assignments;
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
    }

    public Outcome assign(Principal caller, Command command) {
        policy.require(caller, Action.MANAGE_ACCESS_PROFILES, ListAccessProfiles.PROFILES);
        if (command.comment().isEmpty()) {
            throw new Invalid("required", "comment", "assigning a profile requires a comment");
        }
        Set<AccountId> accounts = checked(command);
        return transactions.inTransaction(() -> {
            requireKnown(command.profile(), accounts);
            int added = assignments.assign(
                    command.profile(), accounts, command.comment(), caller.userId(), clock.instant());
            assignments.recheck(accounts);
            audit.record(
                    caller,
                    "access-profile.assign",
                    "access-profile",
                    command.profile().toString(),
                    Map.of(),
                    details(accounts, command.comment()));
            return new Outcome(added, accounts.size() - added);
        });
    }

    public Outcome unassign(Principal caller, Command command) {
        policy.require(caller, Action.MANAGE_ACCESS_PROFILES, ListAccessProfiles.PROFILES);
        Set<AccountId> accounts = checked(command);
        return transactions.inTransaction(() -> {
            requireKnown(command.profile(), accounts);
            int removed = assignments.unassign(command.profile(), accounts);
            audit.record(
                    caller,
                    "access-profile.unassign",
                    "access-profile",
                    command.profile().toString(),
                    details(accounts, command.comment()),
                    Map.of());
            return new Outcome(removed, accounts.size() - removed);
        });
    }

    private static Set<AccountId> checked(Command command) {
        if (command.profile() == null) {
            throw new Invalid("required", "profileId", "profileId is required");
        }
        if (command.accounts().isEmpty()) {
            throw new Invalid("required", "accountIds", "accountIds must name at least one account");
        }
        if (command.accounts().size() > MAX_ACCOUNTS) {
            throw new Invalid("too_many", "accountIds", "accountIds may name at most " + MAX_ACCOUNTS + " accounts");
        }
        if (command.comment().length() > MAX_COMMENT_LENGTH) {
            throw new Invalid("too_long", "comment", "comment must be at most " + MAX_COMMENT_LENGTH + " characters");
        }
        return new LinkedHashSet<>(command.accounts());
    }

    private void requireKnown(AccessProfileId profile, Set<AccountId> accounts) {
        if (!profiles.exists(profile)) {
            throw AccessProfile.notFound(profile, "profileId");
        }
        Set<AccountId> unknown = directory.unknownAccounts(accounts);
        if (!unknown.isEmpty()) {
            throw Account.notFound(unknown, "accountIds");
        }
    }

    private static Map<String, Object> details(Set<AccountId> accounts, String comment) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("accountIds", accounts.stream().map(AccountId::toString).toList());
        details.put("comment", comment);
        return details;
    }
}
