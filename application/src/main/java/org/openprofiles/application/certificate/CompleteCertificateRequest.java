package org.openprofiles.application.certificate;

import java.time.Clock;
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
import org.openprofiles.domain.security.Principal;
import org.openprofiles.domain.security.Role;
import org.openprofiles.domain.shared.Conflict;
import org.openprofiles.domain.shared.Forbidden;
import org.openprofiles.domain.shared.NotFound;

/**
 * The client completes an Approved request whose result it picks up (Renew, Recover, Duplicate,
 * Unblock, ...): the effect on profiles applies now, in one transaction with its audit event. The
 * requester or a cm-agent may complete it.
 */
public final class CompleteCertificateRequest {

    private final CertificateRequests requests;
    private final RequestExecution execution;
    private final RequestAccess access;
    private final Transactions transactions;
    private final Audit audit;
    private final Clock clock;

    public CompleteCertificateRequest(CertificateRequests requests, CertificateProfiles profiles,
                                      ProfileTemplates templates, AccessPolicy accessPolicy,
                                      Transactions transactions, Audit audit, Clock clock) {
        this.requests = requests;
        this.execution = new RequestExecution(profiles, templates);
        this.access = new RequestAccess(accessPolicy);
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
    }

    public CertificateRequest complete(Principal caller, RequestId id) {
        return transactions.inTransaction(() -> {
            CertificateRequest request = requests.lock(id)
                    .filter(r -> access.visible(caller, r))
                    .orElseThrow(() -> new NotFound("request_not_found", "id", "no request " + id));
            if (!caller.is(request.originator()) && !caller.has(Role.CM_AGENT)) {
                throw new Forbidden("not_requester", "only the requester or a cm-agent may complete a request");
            }
            if (request.status() != RequestStatus.APPROVED) {
                throw new Conflict("request_not_approved", "status",
                        "only an Approved request can be completed; this one is " + request.status().name());
            }
            RequestExecution.Outcome outcome = execution.execute(request, clock.instant());
            requests.update(outcome.request());
            audit.record(caller, "certificate-request.execute", "certificate-request", id.toString(),
                    Map.of("status", request.status().name()), outcome.auditAfter());
            return outcome.request();
        });
    }
}
