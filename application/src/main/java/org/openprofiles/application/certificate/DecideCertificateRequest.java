package org.openprofiles.application.certificate;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openprofiles.application.shared.Audit;
import org.openprofiles.application.shared.Transactions;
import org.openprofiles.domain.certificate.CertificateRequest;
import org.openprofiles.domain.certificate.CertificateRequests;
import org.openprofiles.domain.certificate.RequestId;
import org.openprofiles.domain.certificate.RequestStatus;
import org.openprofiles.domain.security.AccessPolicy;
import org.openprofiles.domain.security.Principal;
import org.openprofiles.domain.shared.Conflict;

/**
 * An approver approves or denies a Pending request (our extension; the vendor exposes this only
 * through its .NET API). Approvers must hold the role the request's rule names, may decide once per
 * request, and never on a request they submitted. One denial ends the request; the approval that
 * meets the count makes it Approved, and an operation the server finishes alone is executed in the
 * same transaction (if the profile's status no longer allows it, the request ends Failed instead).
 */
public final class DecideCertificateRequest {

    /** Approve or deny. */
    public enum Decision {
        APPROVE,
        DENY
    }

    private final CertificateRequests requests;
    private final RequestExecution execution;
    private final AccessPolicy accessPolicy;
    private final Transactions transactions;
    private final Audit audit;
    private final Clock clock;

    public DecideCertificateRequest(
            CertificateRequests requests,
            RequestExecution execution,
            AccessPolicy accessPolicy,
            Transactions transactions,
            Audit audit,
            Clock clock) {
        this.requests = requests;
        this.execution = execution;
        this.accessPolicy = accessPolicy;
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
    }

    public CertificateRequest decide(Principal caller, RequestId id, Decision decision) {
        return transactions.inTransaction(() -> {
            CertificateRequest request = requests.lock(id).orElseThrow(() -> CertificateRequest.notFound(id));
            request.checkDecidableBy(caller, accessPolicy);
            Instant now = clock.instant();
            if (!requests.addDecision(id, caller.userId(), decision == Decision.APPROVE, now)) {
                throw new Conflict("already_decided", "approver", "the caller has already decided on this request");
            }
            Map<String, Object> after = new LinkedHashMap<>();
            // The type travels with every status change, so the metrics count requests by type.
            after.put("type", request.type().name());
            CertificateRequest result = decided(caller, request, decision, now, after);
            requests.update(result);
            audit.record(
                    caller,
                    decision == Decision.APPROVE ? "certificate-request.approve" : "certificate-request.deny",
                    "certificate-request",
                    id.toString(),
                    Map.of("status", request.status().name()),
                    after);
            return result;
        });
    }

    /** The request after this decision; fills {@code after} with what the audit event keeps. */
    private CertificateRequest decided(
            Principal caller, CertificateRequest request, Decision decision, Instant now, Map<String, Object> after) {
        if (decision == Decision.DENY) {
            after.put("status", RequestStatus.DENIED.name());
            return request.end(RequestStatus.DENIED, now);
        }
        int approvals = requests.approvals(request.id());
        after.put("approvals", approvals);
        CertificateRequest approved = request.afterApprovals(approvals);
        if (approved.status() != RequestStatus.APPROVED || !approved.type().serverFinishes()) {
            after.put("status", approved.status().name());
            return approved;
        }
        try {
            RequestExecution.Outcome outcome = execution.execute(caller, approved, now);
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
