package org.openprofiles.domain.certificate;

import java.time.Instant;
import java.util.Optional;
import org.openprofiles.domain.certificate.pki.ArchivedKey;
import org.openprofiles.domain.certificate.pki.IssuedCertificate;
import org.openprofiles.domain.certificate.pki.KeyGeneration;
import org.openprofiles.domain.certificate.pki.RevocationReason;
import org.openprofiles.domain.security.UserId;

/**
 * What the service keeps of one certificate it issued: the certificate itself, the request that
 * issued it and the profile it belongs to (once the request is completed), its holder, the
 * template (and its name then) and the requester, who made the key, the archived key when the
 * template archives keys, and the revocation once revoked. {@code number} is the storage's
 * sequence number (0 until stored): the vendor's integer {@code CertificateId}.
 */
public record CertificateRecord(
        long number,
        IssuedCertificate certificate,
        String issuerName,
        RequestId request,
        Optional<CertificateProfileId> profile,
        UserId holder,
        TemplateId template,
        String templateName,
        String requesterName,
        KeyGeneration keyGeneration,
        Optional<String> requestFingerprint,
        Optional<ArchivedKey> archivedKey,
        Instant issuedAt,
        Optional<Revocation> revocation) {

    /** When and why the certificate was revoked. */
    public record Revocation(Instant at, RevocationReason reason) {
        public Revocation {
            if (at == null || reason == null) {
                throw new IllegalArgumentException("a revocation needs its time and reason");
            }
        }
    }

    /** Where a certificate stands for a relying party, as {@code GET …/certificates} reports it. */
    public enum Standing {
        /** Issued, not revoked, not expired. */
        IN_FORCE,
        REVOKED,
        EXPIRED
    }

    public CertificateRecord {
        if (certificate == null
                || issuerName == null
                || request == null
                || profile == null
                || holder == null
                || template == null
                || templateName == null
                || requesterName == null
                || keyGeneration == null
                || requestFingerprint == null
                || archivedKey == null
                || issuedAt == null
                || revocation == null) {
            throw new IllegalArgumentException("incomplete certificate record");
        }
        if (number < 0) {
            throw new IllegalArgumentException("a record's number is not negative");
        }
    }

    /** A record of a certificate just issued for {@code request}, not stored yet and not in a profile yet. */
    public static CertificateRecord issued(
            IssuedCertificate certificate,
            String issuerName,
            CertificateRequest request,
            ProfileTemplate template,
            String requesterName,
            KeyGeneration keyGeneration,
            Optional<String> requestFingerprint,
            Optional<ArchivedKey> archivedKey,
            Instant now) {
        return new CertificateRecord(
                0,
                certificate,
                issuerName,
                request.id(),
                Optional.empty(),
                request.target(),
                template.id(),
                template.name(),
                requesterName,
                keyGeneration,
                requestFingerprint,
                archivedKey,
                now,
                Optional.empty());
    }

    /** This record as stored, with its sequence number. */
    public CertificateRecord numbered(long sequence) {
        return new CertificateRecord(
                sequence,
                certificate,
                issuerName,
                request,
                profile,
                holder,
                template,
                templateName,
                requesterName,
                keyGeneration,
                requestFingerprint,
                archivedKey,
                issuedAt,
                revocation);
    }

    /** This record in {@code owner}'s profile. */
    public CertificateRecord inProfile(CertificateProfileId owner) {
        return new CertificateRecord(
                number,
                certificate,
                issuerName,
                request,
                Optional.of(owner),
                holder,
                template,
                templateName,
                requesterName,
                keyGeneration,
                requestFingerprint,
                archivedKey,
                issuedAt,
                revocation);
    }

    /** This record, revoked. */
    public CertificateRecord revoked(Revocation how) {
        return new CertificateRecord(
                number,
                certificate,
                issuerName,
                request,
                profile,
                holder,
                template,
                templateName,
                requesterName,
                keyGeneration,
                requestFingerprint,
                archivedKey,
                issuedAt,
                Optional.of(how));
    }

    public Standing standingAt(Instant now) {
        if (revocation.isPresent()) {
            return Standing.REVOKED;
        }
        return now.isAfter(certificate.notAfter()) ? Standing.EXPIRED : Standing.IN_FORCE;
    }
}
