package org.openprofiles.application.certificate;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openprofiles.application.shared.Audit;
import org.openprofiles.application.shared.Transactions;
import org.openprofiles.domain.certificate.CertificateProfiles;
import org.openprofiles.domain.certificate.CertificateRequest;
import org.openprofiles.domain.certificate.CertificateRequests;
import org.openprofiles.domain.certificate.ProfileTemplates;
import org.openprofiles.domain.certificate.RequestId;
import org.openprofiles.domain.certificate.RequestStatus;
import org.openprofiles.domain.security.AccessPolicy;
import org.openprofiles.domain.security.Action;
import org.openprofiles.domain.security.Principal;
import org.openprofiles.domain.security.Resource;
import org.openprofiles.domain.shared.Conflict;
import org.openprofiles.domain.shared.Forbidden;
import org.openprofiles.domain.shared.NotFound;

/**
 * An approver approves or denies a Pending request (our extension; the vendor exposes this only
 * through its .NET API). Approvers must hold the role the request's rule names, may decide once per
 * request, and never on a request they submitted. One denial ends the request; the approval that
 * meets the count makes it Approved, and an operation the server finishes alone is executed in the
 * same transaction (if the profile's status no longer allows it, the request ends Failed instead).
 */
public final class DecideCertificateRequest {

    /** Approve or deny. */
    public enum Decision { APPROVE, DENY }

    private final CertificateRequests requests;
    private final RequestExecution execution;
    private final AccessPolicy accessPolicy;
    private final Transactions transactions;
    private final Audit audit;
    private final Clock clock;

    public DecideCertificateRequest(CertificateRequests requests, CertificateProfiles profiles,
                                    ProfileTemplates templates, AccessPolicy accessPolicy, Transactions transactions,
                                    Audit audit, Clock clock) {
        this.requests = requests;
        this.execution = new RequestExecution(profiles, templates);
        this.accessPolicy = accessPolicy;
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
    }

    public CertificateRequest decide(Principal caller, RequestId id, Decision decision) {
        return transactions.inTransaction(() -> {
            CertificateRequest request = requests.lock(id)
                    .orElseThrow(() -> new NotFound("request_not_found", "id", "no request " + id));
            accessPolicy.require(caller, Action.DECIDE_CERTIFICATE_REQUESTS,
                    Resource.ownedBy("certificate-request", request.target()));
            if (!request.approvalRule().approverRole().map(caller::has).orElse(false)) {
                throw new Forbidden("not_an_approver", "the caller does not hold the role that approves this request");
            }
            if (caller.is(request.originator())) {
                throw new Forbidden("own_request", "a requester may not decide on their own request");
            }
            if (request.status() != RequestStatus.PENDING) {
                throw new Conflict("request_not_pending", "status",
                        "only a Pending request can be decided; this one is " + request.status().name());
            }
            Instant now = clock.instant();
            if (!requests.addDecision(id, caller.userId(), decision == Decision.APPROVE, now)) {
                throw new Conflict("already_decided", "approver", "the caller has already decided on this request");
            }
            Map<String, Object> after = new LinkedHashMap<>();
            CertificateRequest result = decided(request, decision, now, after);
            requests.update(result);
            audit.record(caller, decision == Decision.APPROVE ? "certificate-request.approve" : "certificate-request.deny",
                    "certificate-request", id.toString(), Map.of("status", request.status().name()), after);
            return result;
        });
    }

    /** The request after this decision; fills {@code after} with what the audit event keeps. */
    private CertificateRequest decided(CertificateRequest request, Decision decision, Instant now,
                                       Map<String, Object> after) {
        if (decision == Decision.DENY) {
            after.put("status", RequestStatus.DENIED.name());
            return request.end(RequestStatus.DENIED, now);
        }
        int approvals = requests.approvals(request.id());
        after.put("approvals", approvals);
        if (approvals < request.approvalRule().needed()) {
            after.put("status", request.status().name());
            return request;
        }
        CertificateRequest approved = request.approve();
        if (!approved.type().serverFinishes()) {
            after.put("status", approved.status().name());
            return approved;
        }
        try {
            RequestExecution.Outcome outcome = execution.execute(approved, now);
            after.putAll(outcome.auditAfter());
            return outcome.request();
        } catch (Conflict profileChanged) {
            // Nothing was written before the status check refused: the request fails, no profile changes.
            after.put("status", RequestStatus.FAILED.name());
            after.put("failure", profileChanged.getMessage());
            return approved.end(RequestStatus.FAILED, now);
        }
    }
}
