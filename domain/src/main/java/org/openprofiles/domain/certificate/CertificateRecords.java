package org.openprofiles.domain.certificate;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.openprofiles.domain.certificate.pki.IssuerId;
import org.openprofiles.domain.certificate.pki.RevokedCertificate;
import org.openprofiles.domain.certificate.pki.SerialNumber;
import org.openprofiles.domain.certificate.pki.SignedCrl;
import org.openprofiles.domain.security.UserId;
import org.openprofiles.domain.shared.Page;
import org.openprofiles.domain.shared.PageRequest;

/**
 * The port of issued certificates, their revocations and the CRLs signed from them: the
 * certificate authority keeps no records, so this is where serial numbers are unique, a
 * profile's certificates are found, OCSP answers come from and each issuer's CRL number goes up.
 * Lists are in issuance order.
 */
public interface CertificateRecords {

    /**
     * Stores a new record and answers it numbered; empty, writing nothing, when its serial number
     * is taken (the caller issues again). A request has at most one certificate: a second record for
     * the same request is an {@link IllegalStateException} (the caller checks first, under the request's lock).
     */
    Optional<CertificateRecord> add(CertificateRecord record);

    /** The certificates a request issued. */
    List<CertificateRecord> ofRequest(RequestId request);

    /** A profile's certificates, revoked and expired ones included. */
    List<CertificateRecord> ofProfile(CertificateProfileId profile);

    /** A holder's certificates in force at {@code now} (not revoked, not expired), one page. */
    Page<CertificateRecord> inForceOf(UserId holder, Instant now, PageRequest page);

    /** Puts the certificates {@code request} issued into {@code profile} (when the request completes). */
    void assignToProfile(RequestId request, CertificateProfileId profile);

    /** Records a revocation; the issuer's CRL becomes stale. Revoking a revoked certificate changes nothing. */
    void revoke(RevokedCertificate revocation);

    /** The certificate with this serial number, of any issuer. */
    Optional<CertificateRecord> findBySerial(SerialNumber serial);

    /** What is known of one issuer's CRL: the last number used, the last CRL signed, and whether a revocation came after it. */
    record CrlState(IssuerId issuer, BigInteger lastNumber, Optional<SignedCrl> latest, boolean stale) {}

    /**
     * The issuer's CRL state, locked until the unit of work ends so that one caller at a time signs
     * the next CRL (created with number 0 when the issuer has none yet).
     */
    CrlState lockCrl(IssuerId issuer);

    /** Keeps {@code crl} as the issuer's latest CRL; it is no longer stale. */
    void storeCrl(SignedCrl crl);

    /**
     * Gives {@code use} the issuer's revocations of certificates still valid at {@code notExpiredAt}
     * (expired ones may leave a CRL), read as they are consumed, and answers what it returns.
     */
    <T> T withRevocations(IssuerId issuer, Instant notExpiredAt, Function<Iterable<RevokedCertificate>, T> use);
}
