package org.openprofiles.adapter.ca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openprofiles.domain.certificate.pki.CertificateSettings;
import org.openprofiles.domain.certificate.pki.CertificateSigningRequest;

/** Serial numbers of issued certificates are distinct and carry far more than 64 random bits. */
class SerialNumbersTest {

    @Test
    void serialsOfManyIssuancesAreDistinctPositiveAndOf159Bits() {
        EmbeddedCertificateAuthority ca = TestCa.shared();
        CertificateSigningRequest request = TestRequests.ec("secp256r1").request();
        Set<BigInteger> serials = new HashSet<>();
        BigInteger allBits = BigInteger.ZERO;
        int issued = 200;
        for (int i = 0; i < issued; i++) {
            BigInteger serial = TestCa.certificate(ca.issue(request, TestCa.ann(), CertificateSettings.defaults())
                            .der())
                    .getSerialNumber();
            assertEquals(
                    159, serial.bitLength(), "159 bits, the top one set: at least 64 random bits, 20 octets in DER");
            assertEquals(1, serial.signum());
            serials.add(serial);
            allBits = allBits.or(serial.clearBit(158));
        }
        assertEquals(issued, serials.size(), "no serial twice");
        assertTrue(allBits.bitCount() >= 150, "every random bit position is used: " + allBits.bitCount());
    }
}
