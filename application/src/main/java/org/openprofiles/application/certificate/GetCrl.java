package org.openprofiles.application.certificate;

import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.openprofiles.application.shared.Transactions;
import org.openprofiles.domain.certificate.CertificateRecords;
import org.openprofiles.domain.certificate.pki.CertificateAuthority;
import org.openprofiles.domain.certificate.pki.CrlRequest;
import org.openprofiles.domain.certificate.pki.IssuerId;
import org.openprofiles.domain.certificate.pki.SignedCrl;

/**
 * A relying party fetches one issuing CA's CRL (the URL in issued certificates' CRL distribution
 * point). The latest CRL is served while it is fresh; after a revocation, or once it is
 * {@link #REFRESH} old, the first reader signs the next one (number up by one, valid for
 * {@link #VALIDITY}), under the issuer's lock so that concurrent readers sign it once. Revocations
 * of expired certificates are left out (RFC 5280 3.3).
 */
public final class GetCrl {

    /** How long a CRL is valid: its nextUpdate. */
    public static final Duration VALIDITY = Duration.ofDays(1);
    /** How old a CRL may get before the next reader signs a new one, with nothing revoked meanwhile. */
    public static final Duration REFRESH = Duration.ofHours(12);

    private final CertificateRecords certificates;
    private final CertificateAuthority authority;
    private final Transactions transactions;
    private final Clock clock;

    public GetCrl(
            CertificateRecords certificates, CertificateAuthority authority, Transactions transactions, Clock clock) {
        this.certificates = certificates;
        this.authority = authority;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The issuer's current CRL; empty when {@code issuer} is none of this CA's. */
    public Optional<SignedCrl> get(IssuerId issuer) {
        if (authority.caCertificates().find(issuer).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(transactions.inTransaction(() -> {
            CertificateRecords.CrlState state = certificates.lockCrl(issuer);
            Instant now = clock.instant();
            if (!state.stale()
                    && state.latest().isPresent()
                    && now.isBefore(state.latest().get().thisUpdate().plus(REFRESH))) {
                return state.latest().get();
            }
            CrlRequest next = new CrlRequest(issuer, state.lastNumber().add(BigInteger.ONE), now, now.plus(VALIDITY));
            SignedCrl signed = certificates.withRevocations(issuer, now, entries -> authority.signCrl(next, entries));
            certificates.storeCrl(signed);
            return signed;
        }));
    }
}
