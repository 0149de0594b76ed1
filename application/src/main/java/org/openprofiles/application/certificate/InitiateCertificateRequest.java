package org.openprofiles.application.certificate;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.openprofiles.application.shared.Audit;
import org.openprofiles.application.shared.Transactions;
import org.openprofiles.domain.certificate.CertificateProfile;
import org.openprofiles.domain.certificate.CertificateProfileId;
import org.openprofiles.domain.certificate.CertificateProfiles;
import org.openprofiles.domain.certificate.CertificateRequest;
import org.openprofiles.domain.certificate.CertificateRequests;
import org.openprofiles.domain.certificate.OperationPolicy;
import org.openprofiles.domain.certificate.OperationRules;
import org.openprofiles.domain.certificate.ProfileOperation;
import org.openprofiles.domain.certificate.ProfileOwners;
import org.openprofiles.domain.certificate.ProfileTemplate;
import org.openprofiles.domain.certificate.ProfileTemplates;
import org.openprofiles.domain.certificate.RequestStatus;
import org.openprofiles.domain.certificate.RequestType;
import org.openprofiles.domain.certificate.TemplateId;
import org.openprofiles.domain.security.AccessPolicy;
import org.openprofiles.domain.security.Principal;
import org.openprofiles.domain.security.UserId;
import org.openprofiles.domain.shared.Forbidden;
import org.openprofiles.domain.shared.Invalid;
import org.openprofiles.domain.shared.Sha256;

/**
 * Initiates a request on a certificate profile. Allowed only when {@link OperationRules} offers the
 * operation to the caller (the rule that fills {@code ProfileOperations}): refused with Forbidden
 * when the template or the caller's rights rule it out, with Conflict when the profile's current
 * status does (that is also what the loser of two concurrent changes gets). A request whose template
 * policy needs approvals waits in Pending; otherwise it is Approved at once, and an operation the
 * server finishes alone (Disable, Retire, SuspendOrReinstate) is executed in the same transaction.
 */
public final class InitiateCertificateRequest {

    /**
     * What the caller asked for. Enroll names a template and a target user (default: the caller)
     * and no profile; every other type names the profile, whose template and owner must match
     * {@code template} and {@code target} when given.
     */
    public record Command(
            RequestType type,
            TemplateId template,
            Optional<CertificateProfileId> profile,
            Optional<UserId> target,
            List<CertificateRequest.DataItem> dataCollection,
            String comment,
            int priority) {
        public Command {
            if (type == null || template == null || profile == null || target == null) {
                throw new IllegalArgumentException("incomplete request command");
            }
            dataCollection = dataCollection == null ? List.of() : List.copyOf(dataCollection);
        }

        /**
         * A digest of everything asked, to tell a retry (same content) from a reused key (other
         * content). Each part is length-prefixed, so no two different commands share the input.
         */
        String fingerprint() {
            StringBuilder text = new StringBuilder();
            List<String> parts = new ArrayList<>(List.of(
                    type.name(),
                    template.toString(),
                    profile.map(CertificateProfileId::toString).orElse(""),
                    target.map(UserId::toString).orElse(""),
                    comment == null ? "" : comment,
                    Integer.toString(priority)));
            dataCollection.forEach(item -> {
                parts.add(item.name());
                parts.add(item.value());
            });
            parts.forEach(part -> text.append(part.length()).append(':').append(part));
            return Sha256.hex(text.toString());
        }
    }

    /** What initiating gave: a new request, the first result of a retried key, or a key reused for other content. */
    public sealed interface Result {}

    /** A new request (Completed when it was executed at once). */
    public record Created(CertificateRequest request) implements Result {}

    /** The request this Idempotency-Key created before; nothing new was created. */
    public record Replayed(CertificateRequest request) implements Result {}

    /** The Idempotency-Key was used before with different content; nothing was created. */
    public record KeyReused(String key) implements Result {}

    private final CertificateProfiles profiles;
    private final ProfileOwners owners;
    private final ProfileTemplates templates;
    private final CertificateRequests requests;
    private final RequestExecution execution;
    private final AccessPolicy accessPolicy;
    private final Transactions transactions;
    private final Audit audit;
    private final Clock clock;

    public InitiateCertificateRequest(
            CertificateProfiles profiles,
            ProfileOwners owners,
            ProfileTemplates templates,
            CertificateRequests requests,
            RequestExecution execution,
            AccessPolicy accessPolicy,
            Transactions transactions,
            Audit audit,
            Clock clock) {
        this.profiles = profiles;
        this.owners = owners;
        this.templates = templates;
        this.requests = requests;
        this.execution = execution;
        this.accessPolicy = accessPolicy;
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
    }

    /** Initiates the request, or, for an {@code idempotencyKey} used before, answers its first result. */
    public Result initiate(Principal caller, Command command, Optional<IdempotencyKey> idempotencyKey) {
        return transactions.inTransaction(() -> {
            if (idempotencyKey.isPresent()) {
                String key = idempotencyKey.get().value();
                Optional<CertificateRequests.KeyUse> used =
                        requests.claimKey(caller.userId(), key, command.fingerprint(), clock.instant());
                if (used.isPresent()) {
                    return used.get().fingerprint().equals(command.fingerprint())
                            ? new Replayed(requests.find(used.get().request()).orElseThrow())
                            : new KeyReused(key);
                }
                CertificateRequest created = create(caller, command);
                requests.bindKey(caller.userId(), key, created.id());
                return new Created(created);
            }
            return new Created(create(caller, command));
        });
    }

    /** Creates the request in the caller's transaction. */
    private CertificateRequest create(Principal caller, Command command) {
        if (command.type().createsProfile()) {
            return enroll(caller, command);
        }
        CertificateProfileId profileId = command.profile()
                .orElseThrow(() -> new Invalid(
                        "required",
                        "profile",
                        "profile is required for " + command.type().name() + ": the profile the operation acts on"));
        // Locked from the start: a concurrent request on the same profile waits here, then decides
        // on the status the first one left (and is refused with 409 if that rules it out).
        CertificateProfile profile = profiles.lock(profileId)
                .filter(p -> p.isVisibleTo(caller, accessPolicy))
                .orElseThrow(() -> new Invalid(
                        "unknown_profile",
                        "profile",
                        "profile " + profileId + " does not exist or is not visible to the caller"));
        if (!profile.template().equals(command.template())) {
            throw new Invalid(
                    "template_mismatch",
                    "profiletemplateuuid",
                    "profiletemplateuuid must be the profile's template, " + profile.template());
        }
        if (command.target().isPresent() && !profile.isOwnedBy(command.target().get())) {
            throw new Invalid("target_mismatch", "target", "target must be the profile's owner");
        }
        ProfileTemplate template = templates.referenced(profile.template());
        ProfileOperation operation = command.type().operationOn(profile.status());
        OperationRules.Verdict verdict = OperationRules.verdict(profile, template, caller, operation);
        if (verdict == OperationRules.Verdict.NOT_IN_THIS_STATUS) {
            throw profile.refuses(operation);
        }
        if (verdict != OperationRules.Verdict.ALLOWED) {
            throw new Forbidden(
                    "operation_not_offered",
                    "type",
                    "the profile does not offer " + operation.wireName() + " to the caller ("
                            + verdict.name().toLowerCase(Locale.ROOT) + ")");
        }
        OperationPolicy policy = template.policyFor(operation).orElseThrow();
        checkDataCollection(policy, command);
        Instant now = clock.instant();
        CertificateRequest request = CertificateRequest.submit(
                command.type(),
                CertificateRequest.ApprovalRule.of(policy),
                caller.userId(),
                profile,
                command.dataCollection(),
                command.comment(),
                command.priority(),
                now);
        if (request.status() == RequestStatus.APPROVED && command.type().serverFinishes()) {
            RequestExecution.Outcome outcome = execution.executeLocked(caller, request, profile, now);
            requests.add(outcome.request());
            audit.record(
                    caller,
                    "certificate-request.execute",
                    "certificate-request",
                    request.id().toString(),
                    Map.of(),
                    outcome.auditAfter());
            return outcome.request();
        }
        submitted(caller, request, Map.of("profile", profile.id().toString()));
        return request;
    }

    /**
     * Enroll: the template's enroll policy must let the caller enroll the target (itself, or
     * another user with an on-behalf role). The request waits in Approved (or Pending for
     * approvals); completing it issues the profile.
     */
    private CertificateRequest enroll(Principal caller, Command command) {
        if (command.profile().isPresent()) {
            throw new Invalid(
                    "profile_not_expected",
                    "profile",
                    "Enroll issues a new profile: name profiletemplateuuid and target, not profile");
        }
        UserId target = command.target().orElse(caller.userId());
        ProfileTemplate template = templates
                .find(command.template())
                .orElseThrow(() -> new Invalid(
                        "unknown_template", "profiletemplateuuid", "no profile template " + command.template()));
        OperationRules.Verdict verdict = OperationRules.enrollVerdict(template, caller, target);
        if (verdict != OperationRules.Verdict.ALLOWED) {
            throw new Forbidden(
                    "operation_not_offered",
                    "type",
                    "the template does not let the caller enroll " + (caller.is(target) ? "itself" : "this user") + " ("
                            + verdict.name().toLowerCase(Locale.ROOT) + ")");
        }
        if (owners.existing(Set.of(target)).isEmpty()) {
            throw new Invalid("unknown_user", "target", "no user " + target);
        }
        OperationPolicy policy = template.policyFor(ProfileOperation.ENROLL).orElseThrow();
        checkDataCollection(policy, command);
        CertificateRequest request = CertificateRequest.enroll(
                CertificateRequest.ApprovalRule.of(policy),
                caller.userId(),
                target,
                template.id(),
                command.dataCollection(),
                command.comment(),
                command.priority(),
                clock.instant());
        submitted(caller, request, Map.of("template", template.id().toString(), "target", target.toString()));
        return request;
    }

    /** The requester must supply what the template's policy requires (the vendor's PolicyDataCollection). */
    private static void checkDataCollection(OperationPolicy policy, Command command) {
        List<Invalid.Violation> violations = policy.violationsOf(command.dataCollection(), "datacollection");
        if (!violations.isEmpty()) {
            throw new Invalid(violations);
        }
    }

    /** Stores a new request and records its submission, with {@code about} saying what it acts on. */
    private void submitted(Principal caller, CertificateRequest request, Map<String, Object> about) {
        requests.add(request);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("type", request.type().name());
        after.put("status", request.status().name());
        after.putAll(about);
        audit.record(
                caller,
                "certificate-request.submit",
                CertificateRequest.RESOURCE_KIND,
                request.id().toString(),
                Map.of(),
                after);
    }
}
