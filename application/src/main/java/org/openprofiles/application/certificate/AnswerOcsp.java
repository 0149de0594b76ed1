package org.openprofiles.application.certificate;

import org.openprofiles.application.shared.Transactions;
import org.openprofiles.domain.certificate.CertificateRecord;
import org.openprofiles.domain.certificate.CertificateRecords;
import org.openprofiles.domain.certificate.pki.CertificateAuthority;
import org.openprofiles.domain.certificate.pki.CertificateStatus;

/**
 * A relying party asks the OCSP responder (RFC 6960) about certificates: each one's status comes
 * from the stored records (good, revoked with time and reason, unknown when never issued here by
 * that issuer), read in one snapshot, and the CA signs the answer.
 */
public final class AnswerOcsp {

    private final CertificateRecords certificates;
    private final CertificateAuthority authority;
    private final Transactions transactions;

    public AnswerOcsp(CertificateRecords certificates, CertificateAuthority authority, Transactions transactions) {
        this.certificates = certificates;
        this.authority = authority;
        this.transactions = transactions;
    }

    /** The DER OCSP response to a DER OCSP request; never fails for the request's content. */
    public byte[] answer(byte[] ocspRequest) {
        return transactions.readOnly(() -> authority.answerOcsp(
                ocspRequest,
                (issuer, serial) -> certificates
                        .findBySerial(serial)
                        .filter(r -> r.certificate().issuer().equals(issuer))
                        .map(AnswerOcsp::status)
                        .orElseGet(CertificateStatus::unknown)));
    }

    private static CertificateStatus status(CertificateRecord record) {
        return record.revocation()
                .map(r -> CertificateStatus.revoked(r.at(), r.reason()))
                .orElseGet(CertificateStatus::good);
    }
}
