package org.openprofiles.application.access;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.openprofiles.application.shared.Audit;
import org.openprofiles.application.shared.Transactions;
import org.openprofiles.domain.access.AccessProfile;
import org.openprofiles.domain.access.AccessProfileId;
import org.openprofiles.domain.access.AccessProfiles;
import org.openprofiles.domain.access.Account;
import org.openprofiles.domain.access.AccountCompliance;
import org.openprofiles.domain.access.AccountId;
import org.openprofiles.domain.access.AccountSummary;
import org.openprofiles.domain.access.AttributeValue;
import org.openprofiles.domain.access.ComplianceFindings;
import org.openprofiles.domain.access.ComplianceQuery;
import org.openprofiles.domain.access.Deviation;
import org.openprofiles.domain.access.Group;
import org.openprofiles.domain.access.directory.DirectoryChange;
import org.openprofiles.domain.access.directory.DirectoryChangeResult;
import org.openprofiles.domain.access.directory.DirectoryWriter;
import org.openprofiles.domain.security.AccessPolicy;
import org.openprofiles.domain.security.Action;
import org.openprofiles.domain.security.Principal;
import org.openprofiles.domain.shared.Invalid;
import org.openprofiles.domain.shared.Page;
import org.openprofiles.domain.shared.PageRequest;
import org.openprofiles.domain.shared.Unprocessable;

/**
 * Brings accounts in line with their profiles (the Access Rights Manager's "harmonize"): for one
 * account, or for the accounts of one profile page by page, a plan — groups to add the account to
 * and attribute values to set, each with the profile requiring it — built from the deviations
 * nobody accepted. A dry run (the default) only answers the plan. Applying needs the caller's
 * opt-in on the call, the right to remediate, and settings that allow writing; then each change
 * is one directory modify whose result is reported and audited ({@code directory.remediate}).
 * The service's copy of the directory changes with the next sync, which reads the result back.
 */
public final class RemediateCompliance {

    /** What to bring in line: one account, or one page of a profile's non-compliant accounts. */
    public record Command(
            Optional<AccountId> account, Optional<AccessProfileId> profile, boolean apply, PageRequest page) {
        public Command {
            account = account == null ? Optional.empty() : account;
            profile = profile == null ? Optional.empty() : profile;
        }
    }

    /**
     * One change of the plan, the profile requiring it, what the directory holds now (for a value),
     * and, when applied, what became of it.
     */
    public record PlannedChange(
            DirectoryChange change,
            AccessProfileId profile,
            String profileName,
            Optional<Group> group,
            Optional<String> currentValue,
            Optional<DirectoryChangeResult> result) {

        PlannedChange withResult(DirectoryChangeResult applied) {
            return new PlannedChange(change, profile, profileName, group, currentValue, Optional.of(applied));
        }
    }

    /** The plan for one account, and what cannot be fixed in the directory (said in words). */
    public record AccountPlan(AccountSummary account, List<PlannedChange> changes, List<String> notRemediable) {}

    /** The plan (with results when applied) and the cursor of the next page of a profile's accounts. */
    public record Outcome(boolean applied, List<AccountPlan> accounts, Optional<String> nextCursor) {

        public long changes() {
            return accounts.stream().mapToLong(a -> a.changes().size()).sum();
        }
    }

    private final AccessPolicy policy;
    private final AccessProfiles profiles;
    private final ComplianceFindings findings;
    private final Optional<DirectoryWriter> writer;
    private final Transactions transactions;
    private final Audit audit;
    private final Clock clock;

    /** @param writer the organisation's directory; empty when none is configured (plans only) */
    public RemediateCompliance(
            AccessPolicy policy,
            AccessProfiles profiles,
            ComplianceFindings findings,
            Optional<DirectoryWriter> writer,
            Transactions transactions,
            Audit audit,
            Clock clock) {
        this.policy = policy;
        this.profiles = profiles;
        this.findings = findings;
        this.writer = writer;
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
    }

    public Outcome remediate(Principal caller, Command command) {
        if (command.account().isPresent() == command.profile().isPresent()) {
            throw new Invalid("required", "accountId", "name either accountId or profileId (not both)");
        }
        policy.require(
                caller,
                command.apply() ? Action.REMEDIATE_DIRECTORY : Action.READ_ACCESS_PROFILES,
                ListAccessProfiles.PROFILES);
        if (command.apply() && writer.isEmpty()) {
            throw new Unprocessable(
                    "directory_not_configured", "apply", "no directory is configured to write remediation to");
        }
        Instant now = clock.instant();
        Outcome plan = transactions.readOnly(() -> plan(command, now));
        if (!command.apply() || plan.changes() == 0) {
            return plan;
        }
        List<DirectoryChange> changes = plan.accounts().stream()
                .flatMap(a -> a.changes().stream())
                .map(PlannedChange::change)
                .toList();
        // Refused as a whole (writing turned off, directory unreachable) before anything is written.
        List<DirectoryChangeResult> results = writer.orElseThrow().apply(changes);
        Outcome applied = withResults(plan, results);
        transactions.run(() -> audit.record(
                caller,
                "directory.remediate",
                command.account().isPresent() ? "directory-account" : "access-profile",
                command.account()
                        .map(AccountId::toString)
                        .orElseGet(() -> command.profile().orElseThrow().toString()),
                Map.of(),
                auditFields(applied)));
        return applied;
    }

    private Outcome plan(Command command, Instant now) {
        List<AccountCompliance> lines;
        Optional<String> next = Optional.empty();
        if (command.account().isPresent()) {
            lines = List.of(findings.of(command.account().get(), now)
                    .orElseThrow(
                            () -> Account.notFound(List.of(command.account().get()), "accountId")));
        } else {
            AccessProfileId profile = command.profile().get();
            if (!profiles.exists(profile)) {
                throw AccessProfile.notFound(profile, "profileId");
            }
            Page<AccountCompliance> page =
                    findings.report(new ComplianceQuery(Optional.of(profile), true, now), command.page());
            lines = page.items();
            next = page.nextCursor();
        }
        Set<AccessProfileId> named = new LinkedHashSet<>();
        lines.forEach(l -> l.deviations().forEach(d -> profileOf(d).ifPresent(named::add)));
        Map<AccessProfileId, String> names = new HashMap<>();
        profiles.findAll(named).forEach(p -> names.put(p.id(), p.name()));
        List<AccountPlan> plans = new ArrayList<>();
        for (AccountCompliance line : lines) {
            List<Deviation> deviations = line.deviations().stream()
                    .filter(d -> command.profile().isEmpty() || profileOf(d).equals(command.profile()))
                    .toList();
            plans.add(planFor(line.account(), deviations, names));
        }
        return new Outcome(false, plans, next);
    }

    /** The changes that remove these deviations; two profiles wanting different values of one attribute set neither. */
    private static AccountPlan planFor(
            AccountSummary account, List<Deviation> deviations, Map<AccessProfileId, String> names) {
        List<PlannedChange> changes = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Map<String, Set<String>> wanted = new HashMap<>();
        deviations.stream()
                .filter(Deviation.WrongAttribute.class::isInstance)
                .map(Deviation.WrongAttribute.class::cast)
                .forEach(w -> wanted.computeIfAbsent(w.key(), k -> new LinkedHashSet<>())
                        .add(w.expected()));
        Set<String> conflictsNoted = new LinkedHashSet<>();
        for (Deviation deviation : deviations) {
            if (deviation instanceof Deviation.MissingGroup missing) {
                changes.add(new PlannedChange(
                        new DirectoryChange.AddToGroup(
                                account.id(), missing.group().id()),
                        missing.profileId(),
                        names.getOrDefault(missing.profileId(), ""),
                        Optional.of(missing.group()),
                        Optional.empty(),
                        Optional.empty()));
            } else if (deviation instanceof Deviation.WrongAttribute wrong) {
                if (wanted.get(wrong.key()).size() > 1) {
                    if (conflictsNoted.add(wrong.key())) {
                        notes.add("attribute " + wrong.key() + ": the account's profiles require different values "
                                + wanted.get(wrong.key()) + "; change the profiles first");
                    }
                    continue;
                }
                changes.add(new PlannedChange(
                        new DirectoryChange.SetAttribute(
                                account.id(), new AttributeValue(wrong.key(), wrong.expected())),
                        wrong.profileId(),
                        names.getOrDefault(wrong.profileId(), ""),
                        Optional.empty(),
                        Optional.of(wrong.actual()),
                        Optional.empty()));
            } else {
                notes.add("the account has no profile: assign one (the directory cannot fix that)");
            }
        }
        return new AccountPlan(account, changes, notes);
    }

    private static Outcome withResults(Outcome plan, List<DirectoryChangeResult> results) {
        List<AccountPlan> accounts = new ArrayList<>();
        int i = 0;
        for (AccountPlan account : plan.accounts()) {
            List<PlannedChange> changes = new ArrayList<>();
            for (PlannedChange change : account.changes()) {
                changes.add(change.withResult(results.get(i++)));
            }
            accounts.add(new AccountPlan(account.account(), changes, account.notRemediable()));
        }
        return new Outcome(true, accounts, plan.nextCursor());
    }

    private static Map<String, Object> auditFields(Outcome applied) {
        List<Map<String, Object>> changes = new ArrayList<>();
        for (AccountPlan account : applied.accounts()) {
            for (PlannedChange change : account.changes()) {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("accountId", account.account().id().toString());
                item.put("samAccountName", account.account().samAccountName());
                if (change.change() instanceof DirectoryChange.AddToGroup add) {
                    item.put("change", "add-to-group");
                    item.put("groupId", add.group().toString());
                } else if (change.change() instanceof DirectoryChange.SetAttribute set) {
                    item.put("change", "set-attribute");
                    item.put("attribute", set.value().key());
                    item.put("value", set.value().value());
                }
                item.put("profileId", change.profile().toString());
                change.result().ifPresent(r -> {
                    item.put("outcome", r.outcome().name().toLowerCase(Locale.ROOT));
                    item.put("message", r.message());
                });
                changes.add(item);
            }
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("changes", changes);
        return fields;
    }

    private static Optional<AccessProfileId> profileOf(Deviation deviation) {
        if (deviation instanceof Deviation.MissingGroup missing) {
            return Optional.of(missing.profileId());
        }
        if (deviation instanceof Deviation.WrongAttribute wrong) {
            return Optional.of(wrong.profileId());
        }
        return Optional.empty();
    }
}
