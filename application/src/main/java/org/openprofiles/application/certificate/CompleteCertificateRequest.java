package org.openprofiles.application.certificate;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.openprofiles.application.shared.Audit;
import org.openprofiles.application.shared.Transactions;
import org.openprofiles.domain.certificate.CertificateRequest;
import org.openprofiles.domain.certificate.CertificateRequests;
import org.openprofiles.domain.certificate.OperationPolicy;
import org.openprofiles.domain.certificate.ProfileStatus;
import org.openprofiles.domain.certificate.ProfileTemplate;
import org.openprofiles.domain.certificate.ProfileTemplates;
import org.openprofiles.domain.certificate.RequestId;
import org.openprofiles.domain.security.AccessPolicy;
import org.openprofiles.domain.security.Principal;
import org.openprofiles.domain.shared.Forbidden;
import org.openprofiles.domain.shared.Invalid;

/**
 * The client completes an Approved request whose result it picks up (Renew, Recover, Duplicate,
 * Unblock, ...): the effect on profiles applies now, in one transaction with its audit event. The
 * requester or a cm-agent may complete it.
 */
public final class CompleteCertificateRequest {

    private final CertificateRequests requests;
    private final ProfileTemplates templates;
    private final RequestExecution execution;
    private final RandomGenerator random;
    private final AccessPolicy accessPolicy;
    private final Transactions transactions;
    private final Audit audit;
    private final Clock clock;

    /** {@code random} generates PINs: a {@link java.security.SecureRandom} in production. */
    public CompleteCertificateRequest(
            CertificateRequests requests,
            ProfileTemplates templates,
            RequestExecution execution,
            RandomGenerator random,
            AccessPolicy accessPolicy,
            Transactions transactions,
            Audit audit,
            Clock clock) {
        this.requests = requests;
        this.templates = templates;
        this.execution = execution;
        this.random = random;
        this.accessPolicy = accessPolicy;
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The completed request and, when the template lets the server set the PIN, the PIN it generated:
     * handed to the requester in this one response, never stored or logged.
     */
    public record Completion(CertificateRequest request, Optional<String> generatedPin) {}

    /** Completes the request; {@code pin} is the user's PIN where the type sets one and the template leaves it to the user. */
    public Completion complete(Principal caller, RequestId id, Optional<String> pin) {
        return transactions.inTransaction(() -> {
            CertificateRequest request = requests.lock(id)
                    .filter(r -> r.isVisibleTo(caller, accessPolicy))
                    .orElseThrow(() -> CertificateRequest.notFound(id));
            request.checkCompletableBy(caller, accessPolicy);
            ProfileTemplate template = templates.referenced(request.template());
            Optional<String> generated = pinFor(caller, request, template, pin);
            RequestExecution.Outcome outcome = execution.execute(caller, request, template, clock.instant());
            requests.update(outcome.request());
            Map<String, Object> after = new LinkedHashMap<>(outcome.auditAfter());
            if (generated.isPresent() || pin.isPresent()) {
                // Who set the PIN, never the PIN itself.
                after.put("pinSetBy", generated.isPresent() ? "server" : "user");
            }
            audit.record(
                    caller,
                    "certificate-request.execute",
                    "certificate-request",
                    id.toString(),
                    Map.of("status", request.status().name()),
                    after);
            return new Completion(outcome.request(), generated);
        });
    }

    /**
     * Checks the PIN part of a completion before anything is written. Only an operation whose
     * template policy asks for a PIN sets one: a generated PIN when the server sets it (only the
     * requester receives it), else the user's PIN, which must meet the template's PIN policy (400
     * naming each broken rule). Otherwise (a software profile's default) no PIN is set, and one
     * sent anyway is refused rather than silently dropped.
     */
    private Optional<String> pinFor(
            Principal caller, CertificateRequest request, ProfileTemplate template, Optional<String> pin) {
        Optional<OperationPolicy> policy = request.type().setsPin()
                ? template.policyFor(request.type().operationOn(ProfileStatus.ACTIVE))
                : Optional.empty();
        if (policy.isEmpty() || !policy.get().setsPin()) {
            if (pin.isPresent()) {
                throw new Invalid(
                        "pin_not_expected",
                        "pin",
                        "completing this " + request.type().name() + " sets no PIN: the template asks for none");
            }
            return Optional.empty();
        }
        if (policy.get().serverGeneratesPin()) {
            if (pin.isPresent()) {
                throw new Invalid("pin_set_by_server", "pin", "the template lets the server set the PIN; send none");
            }
            if (!caller.is(request.originator())) {
                throw new Forbidden(
                        "pin_for_requester_only",
                        "the PIN the server generates is handed to the requester only: the requester must complete");
            }
            return Optional.of(template.pinPolicy().generate(random));
        }
        if (pin.isEmpty()) {
            throw new Invalid("pin_required", "pin", "pin is required: the template asks the user for a PIN");
        }
        List<Invalid.Violation> broken = template.pinPolicy().check("pin", pin.get());
        if (!broken.isEmpty()) {
            throw new Invalid(broken);
        }
        return Optional.empty();
    }
}
