package org.openprofiles.application.certificate;

import java.util.Optional;
import org.openprofiles.application.shared.Transactions;
import org.openprofiles.domain.certificate.CertificateRequest;
import org.openprofiles.domain.certificate.CertificateRequests;
import org.openprofiles.domain.certificate.RequestId;
import org.openprofiles.domain.security.AccessPolicy;
import org.openprofiles.domain.security.Principal;

/** One certificate request; one that does not exist and one the caller may not see answer the same. */
public final class GetCertificateRequest {

    private final CertificateRequests requests;
    private final AccessPolicy accessPolicy;
    private final Transactions transactions;

    public GetCertificateRequest(CertificateRequests requests, AccessPolicy accessPolicy, Transactions transactions) {
        this.requests = requests;
        this.accessPolicy = accessPolicy;
        this.transactions = transactions;
    }

    public Optional<CertificateRequest> get(Principal caller, RequestId id) {
        return transactions.readOnly(
                () -> requests.find(id).filter(request -> request.isVisibleTo(caller, accessPolicy)));
    }
}
