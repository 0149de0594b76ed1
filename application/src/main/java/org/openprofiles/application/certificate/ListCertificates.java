package org.openprofiles.application.certificate;

import java.time.Clock;
import java.util.List;
import org.openprofiles.application.shared.Transactions;
import org.openprofiles.domain.certificate.CertificateProfileId;
import org.openprofiles.domain.certificate.CertificateProfiles;
import org.openprofiles.domain.certificate.CertificateRecord;
import org.openprofiles.domain.certificate.CertificateRecords;
import org.openprofiles.domain.security.AccessPolicy;
import org.openprofiles.domain.security.Principal;
import org.openprofiles.domain.shared.Page;
import org.openprofiles.domain.shared.PageRequest;

/**
 * Lists certificates: the caller's in force (not revoked, not expired), and a profile's, all of
 * them, for whoever may see the profile (a profile the caller may not see has none).
 */
public final class ListCertificates {

    private final CertificateRecords certificates;
    private final CertificateProfiles profiles;
    private final AccessPolicy accessPolicy;
    private final Transactions transactions;
    private final Clock clock;

    public ListCertificates(
            CertificateRecords certificates,
            CertificateProfiles profiles,
            AccessPolicy accessPolicy,
            Transactions transactions,
            Clock clock) {
        this.certificates = certificates;
        this.profiles = profiles;
        this.accessPolicy = accessPolicy;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The caller's certificates in force, one page in issuance order. */
    public Page<CertificateRecord> ofCaller(Principal caller, PageRequest page) {
        return transactions.readOnly(() -> certificates.inForceOf(caller.userId(), clock.instant(), page));
    }

    /** A profile's certificates in issuance order; none when the profile does not exist or is not the caller's to see. */
    public List<CertificateRecord> ofProfile(Principal caller, CertificateProfileId id) {
        return transactions.readOnly(() -> profiles.find(id)
                .filter(p -> p.isVisibleTo(caller, accessPolicy))
                .map(p -> certificates.ofProfile(id))
                .orElse(List.of()));
    }
}
