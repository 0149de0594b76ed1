package org.openprofiles.application.certificate;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.openprofiles.application.shared.Audit;
import org.openprofiles.application.shared.Transactions;
import org.openprofiles.domain.certificate.CertificateRequest;
import org.openprofiles.domain.certificate.CertificateRequests;
import org.openprofiles.domain.certificate.RequestId;
import org.openprofiles.domain.certificate.RequestStatus;
import org.openprofiles.domain.certificate.pki.RevocationReason;
import org.openprofiles.domain.security.AccessPolicy;
import org.openprofiles.domain.security.Principal;

/**
 * The requester withdraws a request that is still Pending or Approved: it ends Canceled (the
 * requester changed their mind) or Failed (the client abandoned it, e.g. its own part failed). No
 * profile changes; a certificate the request issued already (its certificate data was posted) is
 * revoked, so no certificate outlives its request outside a profile.
 */
public final class CancelCertificateRequest {

    /** How the request ends: the vendor's PUT statuses Canceled and Abandoned. */
    public enum Ending {
        CANCELED(RequestStatus.CANCELED, "certificate-request.cancel"),
        ABANDONED(RequestStatus.FAILED, "certificate-request.abandon");

        private final RequestStatus status;
        private final String auditAction;

        Ending(RequestStatus status, String auditAction) {
            this.status = status;
            this.auditAction = auditAction;
        }
    }

    private final CertificateRequests requests;
    private final CertificateRevocation revocation;
    private final AccessPolicy accessPolicy;
    private final Transactions transactions;
    private final Audit audit;
    private final Clock clock;

    public CancelCertificateRequest(
            CertificateRequests requests,
            CertificateRevocation revocation,
            AccessPolicy accessPolicy,
            Transactions transactions,
            Audit audit,
            Clock clock) {
        this.requests = requests;
        this.revocation = revocation;
        this.accessPolicy = accessPolicy;
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
    }

    public CertificateRequest cancel(Principal caller, RequestId id, Ending ending) {
        return transactions.inTransaction(() -> {
            CertificateRequest request = requests.lock(id)
                    .filter(r -> r.isVisibleTo(caller, accessPolicy))
                    .orElseThrow(() -> CertificateRequest.notFound(id));
            request.checkEndableBy(caller, accessPolicy);
            Instant now = clock.instant();
            CertificateRequest ended = request.end(ending.status, now);
            requests.update(ended);
            revocation.revokeIssuedBy(caller, id, RevocationReason.CESSATION_OF_OPERATION, now);
            audit.record(
                    caller,
                    ending.auditAction,
                    "certificate-request",
                    id.toString(),
                    Map.of("status", request.status().name()),
                    Map.of("status", ended.status().name(), "type", ended.type().name()));
            return ended;
        });
    }
}
