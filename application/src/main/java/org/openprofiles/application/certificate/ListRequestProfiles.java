package org.openprofiles.application.certificate;

import java.util.ArrayList;
import java.util.List;
import org.openprofiles.application.shared.Transactions;
import org.openprofiles.domain.certificate.CertificateProfile;
import org.openprofiles.domain.certificate.CertificateProfileId;
import org.openprofiles.domain.certificate.CertificateProfiles;
import org.openprofiles.domain.certificate.CertificateRequests;
import org.openprofiles.domain.certificate.RequestId;
import org.openprofiles.domain.certificate.RequestStatus;
import org.openprofiles.domain.security.AccessPolicy;
import org.openprofiles.domain.security.Principal;

/**
 * The profiles a completed request changed or created, with the caller's operations on each, in
 * recorded order. A request not yet completed (or ended without effect) has none; so has one the
 * caller may not see.
 */
public final class ListRequestProfiles {

    private final CertificateRequests requests;
    private final CertificateProfiles profiles;
    private final OfferedOperations operations;
    private final AccessPolicy accessPolicy;
    private final Transactions transactions;

    public ListRequestProfiles(
            CertificateRequests requests,
            CertificateProfiles profiles,
            OfferedOperations operations,
            AccessPolicy accessPolicy,
            Transactions transactions) {
        this.requests = requests;
        this.profiles = profiles;
        this.operations = operations;
        this.accessPolicy = accessPolicy;
        this.transactions = transactions;
    }

    public List<ProfileWithOperations> list(Principal caller, RequestId id) {
        return transactions.readOnly(() -> requests.find(id)
                .filter(request -> request.isVisibleTo(caller, accessPolicy))
                .filter(request -> request.status() == RequestStatus.COMPLETED)
                .map(request -> {
                    List<CertificateProfileId> ids = new ArrayList<>();
                    request.oldProfile().ifPresent(ids::add);
                    request.newProfile().ifPresent(ids::add);
                    List<CertificateProfile> found = profiles.findAll(ids).values().stream()
                            .filter(p -> p.isVisibleTo(caller, accessPolicy))
                            .toList();
                    return operations.forEach(found, caller);
                })
                .orElse(List.of()));
    }
}
