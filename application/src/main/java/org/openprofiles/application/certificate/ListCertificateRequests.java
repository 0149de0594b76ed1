package org.openprofiles.application.certificate;

import java.util.Optional;
import org.openprofiles.application.shared.Transactions;
import org.openprofiles.domain.certificate.CertificateRequest;
import org.openprofiles.domain.certificate.CertificateRequests;
import org.openprofiles.domain.certificate.RequestStatus;
import org.openprofiles.domain.certificate.RequestType;
import org.openprofiles.domain.security.Principal;
import org.openprofiles.domain.shared.Page;
import org.openprofiles.domain.shared.PageRequest;

/** Lists the requests the caller submitted, optionally of one status and one type, in submission order. */
public final class ListCertificateRequests {

    /** Which status and type (empty: any), which page. */
    public record Query(Optional<RequestStatus> status, Optional<RequestType> type, PageRequest page) {
        public Query {
            if (status == null || type == null || page == null) {
                throw new IllegalArgumentException("incomplete request query");
            }
        }
    }

    private final CertificateRequests requests;
    private final Transactions transactions;

    public ListCertificateRequests(CertificateRequests requests, Transactions transactions) {
        this.requests = requests;
        this.transactions = transactions;
    }

    public Page<CertificateRequest> list(Principal caller, Query query) {
        return transactions.readOnly(() ->
                requests.findByOriginator(caller.userId(), query.status(), query.type(), query.page()));
    }
}
