package org.openprofiles.domain.certificate.pki;

import java.math.BigInteger;
import java.time.Instant;

/**
 * What a CRL to be signed says about itself: its issuer, its number (strictly increasing per
 * issuer, RFC 5280 5.2.3; the caller keeps the counter), when it was made and when the next one
 * will be.
 */
public record CrlRequest(IssuerId issuer, BigInteger number, Instant thisUpdate, Instant nextUpdate) {

    public CrlRequest {
        if (issuer == null || number == null || thisUpdate == null || nextUpdate == null) {
            throw new IllegalArgumentException("a CRL request needs issuer, number and both times");
        }
        if (number.signum() < 0 || number.bitLength() > 159) {
            throw new IllegalArgumentException("a CRL number is a non-negative integer of at most 20 octets");
        }
        if (!nextUpdate.isAfter(thisUpdate)) {
            throw new IllegalArgumentException("nextUpdate must come after thisUpdate");
        }
    }
}
