package org.openprofiles.application.certificate;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openprofiles.application.shared.Audit;
import org.openprofiles.domain.certificate.CertificateProfileId;
import org.openprofiles.domain.certificate.CertificateRecord;
import org.openprofiles.domain.certificate.CertificateRecords;
import org.openprofiles.domain.certificate.RequestId;
import org.openprofiles.domain.certificate.pki.CertificateAuthority;
import org.openprofiles.domain.certificate.pki.RevocationReason;
import org.openprofiles.domain.certificate.pki.RevokedCertificate;
import org.openprofiles.domain.security.Principal;

/**
 * Revokes certificates inside the caller's unit of work: asks the certificate authority for each
 * revocation, stores it (the issuer's CRL goes stale, OCSP answers "revoked" from then on) and
 * records a {@code certificate.revoke} event per certificate. Certificates already revoked are
 * left as they are.
 */
public final class CertificateRevocation {

    static final String OBJECT_TYPE = "certificate";

    private final CertificateRecords certificates;
    private final CertificateAuthority authority;
    private final Audit audit;

    public CertificateRevocation(CertificateRecords certificates, CertificateAuthority authority, Audit audit) {
        this.certificates = certificates;
        this.authority = authority;
        this.audit = audit;
    }

    /** Revokes {@code profile}'s certificates in force, because of {@code request}; answers how many. */
    int revokeProfile(
            Principal actor, CertificateProfileId profile, RevocationReason reason, RequestId request, Instant now) {
        return revokeAll(actor, certificates.ofProfile(profile), reason, request, now);
    }

    /** Revokes the certificates {@code request} issued (it ended without taking effect); answers how many. */
    int revokeIssuedBy(Principal actor, RequestId request, RevocationReason reason, Instant now) {
        return revokeAll(actor, certificates.ofRequest(request), reason, request, now);
    }

    private int revokeAll(
            Principal actor, List<CertificateRecord> records, RevocationReason reason, RequestId request, Instant now) {
        int revoked = 0;
        for (CertificateRecord record : records) {
            if (record.revocation().isPresent()) {
                continue;
            }
            RevokedCertificate revocation = authority.revoke(
                    record.certificate().issuer(), record.certificate().serial(), reason, now);
            certificates.revoke(revocation);
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("issuer", revocation.issuer().value());
            after.put("serial", revocation.serial().hex());
            after.put("reason", revocation.reason().name());
            after.put("revokedAt", revocation.revokedAt().toString());
            after.put("request", request.toString());
            record.profile().ifPresent(p -> after.put("profile", p.toString()));
            audit.record(
                    actor,
                    "certificate.revoke",
                    OBJECT_TYPE,
                    revocation.serial().hex(),
                    Map.of(),
                    after);
            revoked++;
        }
        return revoked;
    }
}
