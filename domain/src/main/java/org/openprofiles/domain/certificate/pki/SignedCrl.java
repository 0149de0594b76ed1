package org.openprofiles.domain.certificate.pki;

import java.math.BigInteger;
import java.time.Instant;

/** A CRL the CA signed (DER), with the facts a publisher needs for caching headers. */
public record SignedCrl(IssuerId issuer, BigInteger number, Instant thisUpdate, Instant nextUpdate, byte[] der) {

    public SignedCrl {
        if (issuer == null || number == null || thisUpdate == null || nextUpdate == null || der == null) {
            throw new IllegalArgumentException("a signed CRL needs every part");
        }
        der = der.clone();
    }

    @Override
    public byte[] der() {
        return der.clone();
    }

    public String pem() {
        return Pem.encode("X509 CRL", der);
    }
}
