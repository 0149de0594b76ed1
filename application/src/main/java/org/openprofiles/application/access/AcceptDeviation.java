package org.openprofiles.application.access;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openprofiles.application.shared.Audit;
import org.openprofiles.application.shared.Transactions;
import org.openprofiles.domain.access.AcceptanceId;
import org.openprofiles.domain.access.AcceptedDeviation;
import org.openprofiles.domain.access.Account;
import org.openprofiles.domain.access.AccountCompliance;
import org.openprofiles.domain.access.AccountId;
import org.openprofiles.domain.access.Assignments;
import org.openprofiles.domain.access.ComplianceFindings;
import org.openprofiles.domain.access.DeviationAcceptance;
import org.openprofiles.domain.access.DeviationAcceptances;
import org.openprofiles.domain.access.DeviationKey;
import org.openprofiles.domain.security.AccessPolicy;
import org.openprofiles.domain.security.Action;
import org.openprofiles.domain.security.Principal;
import org.openprofiles.domain.shared.Page;
import org.openprofiles.domain.shared.PageRequest;
import org.openprofiles.domain.shared.Unprocessable;

/**
 * Accepts a deviation of an account — a responsible person says it is fine, why, and until when —
 * or withdraws such an acceptance. While an acceptance is in force the deviation does not make the
 * account non-compliant; the report shows it as accepted; from its expiry on it counts again.
 * Only a deviation the account has now can be accepted (accepting it again renews the comment and
 * expiry). Each change is audited: {@code access-deviation.accept}, {@code access-deviation.revoke}.
 */
public final class AcceptDeviation {

    /** Which deviation of which account, why, and until when (empty: until withdrawn). */
    public record Command(AccountId account, DeviationKey deviation, String comment, Optional<Instant> expiresAt) {}

    private final AccessPolicy policy;
    private final DeviationAcceptances acceptances;
    private final ComplianceFindings findings;
    private final Assignments assignments;
    private final Transactions transactions;
    private final Audit audit;
    private final Clock clock;

    public AcceptDeviation(
            AccessPolicy policy,
            DeviationAcceptances acceptances,
            ComplianceFindings findings,
            Assignments assignments,
            Transactions transactions,
            Audit audit,
            Clock clock) {
        this.policy = policy;
        this.acceptances = acceptances;
        this.findings = findings;
        this.assignments = assignments;
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
    }

    public DeviationAcceptance accept(Principal caller, Command command) {
        policy.require(caller, Action.ACCEPT_DEVIATIONS, ListAccessProfiles.PROFILES);
        Instant now = clock.instant();
        DeviationAcceptance acceptance = DeviationAcceptance.accept(
                command.account(), command.deviation(), command.comment(), command.expiresAt(), caller.userId(), now);
        return transactions.inTransaction(() -> {
            AccountCompliance line = findings.of(command.account(), now)
                    .orElseThrow(() -> Account.notFound(List.of(command.account()), "accountId"));
            boolean present = line.deviations().stream().anyMatch(command.deviation()::names)
                    || line.accepted().stream()
                            .map(AcceptedDeviation::deviation)
                            .anyMatch(command.deviation()::names);
            if (!present) {
                throw new Unprocessable(
                        "no_such_deviation",
                        "deviation",
                        "account " + command.account() + " has no deviation '" + command.deviation() + "' now");
            }
            Optional<DeviationAcceptance> replaced = acceptances.save(acceptance);
            assignments.recheck(List.of(command.account()));
            audit.record(
                    caller,
                    "access-deviation.accept",
                    "access-deviation",
                    acceptance.id().toString(),
                    replaced.map(DeviationAcceptance::auditFields).orElse(Map.of()),
                    acceptance.auditFields());
            return acceptance;
        });
    }

    /** Withdraws an acceptance: its deviation counts again at once. */
    public void revoke(Principal caller, AcceptanceId id) {
        policy.require(caller, Action.ACCEPT_DEVIATIONS, ListAccessProfiles.PROFILES);
        transactions.run(() -> {
            DeviationAcceptance acceptance = acceptances.find(id).orElseThrow(() -> DeviationAcceptance.notFound(id));
            acceptances.remove(id);
            assignments.recheck(List.of(acceptance.account()));
            audit.record(
                    caller,
                    "access-deviation.revoke",
                    "access-deviation",
                    id.toString(),
                    acceptance.auditFields(),
                    Map.of());
        });
    }

    /** Acceptances of one account or all, newest first, expired ones included. */
    public Page<DeviationAcceptance> list(Principal caller, Optional<AccountId> account, PageRequest page) {
        policy.require(caller, Action.READ_ACCESS_PROFILES, ListAccessProfiles.PROFILES);
        return transactions.readOnly(() -> acceptances.list(account, page));
    }

    public DeviationAcceptance get(Principal caller, AcceptanceId id) {
        policy.require(caller, Action.READ_ACCESS_PROFILES, ListAccessProfiles.PROFILES);
        return transactions.readOnly(() -> acceptances.find(id)).orElseThrow(() -> DeviationAcceptance.notFound(id));
    }
}
