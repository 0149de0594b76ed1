package org.openprofiles.domain.certificate.pki;

import java.util.Arrays;
import java.util.Optional;

/** The NIST prime curves a key may be on, by their field size and their names in the standards. */
public enum EcCurve {
    P256(256, "P-256", "secp256r1", "1.2.840.10045.3.1.7"),
    P384(384, "P-384", "secp384r1", "1.3.132.0.34"),
    P521(521, "P-521", "secp521r1", "1.3.132.0.35");

    private final int size;
    private final String nistName;
    private final String secName;
    private final String oid;

    EcCurve(int size, String nistName, String secName, String oid) {
        this.size = size;
        this.nistName = nistName;
        this.secName = secName;
        this.oid = oid;
    }

    public int size() {
        return size;
    }

    /** "P-256", as FIPS 186 and most people write it. */
    public String nistName() {
        return nistName;
    }

    /** "secp256r1", the name JCA providers know the curve by. */
    public String secName() {
        return secName;
    }

    /** The curve's object identifier, as a CSR's key names it. */
    public String oid() {
        return oid;
    }

    public static Optional<EcCurve> ofSize(int size) {
        return Arrays.stream(values()).filter(c -> c.size == size).findFirst();
    }

    public static Optional<EcCurve> ofOid(String oid) {
        return Arrays.stream(values()).filter(c -> c.oid.equals(oid)).findFirst();
    }
}
