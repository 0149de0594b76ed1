package org.openprofiles.domain.certificate.pki;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openprofiles.domain.shared.Invalid;

/** The small PKI values: serials, requests as text, passwords, URLs, names, reasons. */
class PkiValuesTest {

    @Test
    void randomSerialsHave159BitsAndDoNotRepeat() {
        SecureRandom random = new SecureRandom();
        Set<SerialNumber> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            SerialNumber serial = SerialNumber.random(random);
            assertEquals(159, serial.value().bitLength());
            assertTrue(seen.add(serial));
        }
        SerialNumber some = seen.iterator().next();
        assertEquals(some, SerialNumber.ofHex(some.hex().toUpperCase()));
        assertThrows(IllegalArgumentException.class, () -> new SerialNumber(BigInteger.ZERO));
        assertThrows(IllegalArgumentException.class, () -> new SerialNumber(BigInteger.ONE.shiftLeft(159)));
        assertThrows(IllegalArgumentException.class, () -> SerialNumber.ofHex("xyz"));
    }

    @Test
    void requestTextMayBeBase64OrPemAndAnythingElseNamesTheField() {
        byte[] der = {0x30, 0x03, 0x02, 0x01, 0x05};
        String base64 = java.util.Base64.getEncoder().encodeToString(der);
        assertArrayEquals(der, CertificateSigningRequest.fromText(base64, "f").der());
        assertArrayEquals(
                der,
                CertificateSigningRequest.fromText(
                                "-----BEGIN NEW CERTIFICATE REQUEST-----\r\n" + base64
                                        + "\r\n-----END NEW CERTIFICATE REQUEST-----\r\n",
                                "f")
                        .der());
        Invalid notBase64 = assertThrows(
                Invalid.class, () -> CertificateSigningRequest.fromText("not base64!", "certificaterequests[1]"));
        assertEquals("csr_not_base64", notBase64.code());
        assertEquals(Optional.of("certificaterequests[1]"), notBase64.field());
        assertEquals(
                "csr_required",
                assertThrows(Invalid.class, () -> CertificateSigningRequest.fromText(" ", "f"))
                        .code());
        assertEquals(
                "csr_too_large",
                assertThrows(
                                Invalid.class,
                                () -> new CertificateSigningRequest(
                                        new byte[CertificateSigningRequest.MAX_BYTES + 1], "f"))
                        .code());
    }

    @Test
    void pfxPasswordIsRequiredHiddenAndWipedOnRequest() {
        PfxPassword password = PfxPassword.of("s3cret", "pfxpassword");
        assertFalse(password.toString().contains("s3cret"));
        assertArrayEquals("s3cret".toCharArray(), password.chars());
        password.clear();
        assertArrayEquals(new char[6], password.chars());
        Invalid missing = assertThrows(Invalid.class, () -> PfxPassword.of("", "pfxpassword"));
        assertEquals("pfx_password_required", missing.code());
        assertEquals(Optional.of("pfxpassword"), missing.field());
    }

    @Test
    void pkiUrlsLiveUnderOnePrefixOfThePublicBaseUrl() {
        PkiLocations locations = new PkiLocations("https://profiles.example.org/base/");
        IssuerId id = new IssuerId("0a1b2c3d");
        assertEquals("https://profiles.example.org/base/pki/crl/0a1b2c3d.crl", locations.crl(id));
        assertEquals("https://profiles.example.org/base/pki/ca/0a1b2c3d.crt", locations.caCertificate(id));
        assertEquals("https://profiles.example.org/base/pki/ocsp", locations.ocsp());
        assertEquals("https://profiles.example.org/base/pki/chain.pem", locations.chain());
        for (String bad :
                new String[] {"", "ftp://x.example", "http://x.example/?q=1", "http://user@x.example", "not a url"}) {
            assertThrows(IllegalArgumentException.class, () -> new PkiLocations(bad), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> IssuerId.parse("../../etc"));
    }

    @Test
    void distinguishedNamesPrintAsRfc4514MostSpecificFirst() {
        DistinguishedName name = new DistinguishedName(List.of(
                new SubjectAttribute(SubjectAttribute.COUNTRY, "NL"),
                new SubjectAttribute(SubjectAttribute.COMMON_NAME, " Smith, Ann+1 ")));
        assertEquals("CN=\\ Smith\\, Ann\\+1\\ ,C=NL", name.toString());
        assertEquals("1.2.3.4=x", new SubjectAttribute("1.2.3.4", "x").toString());
    }

    @Test
    void holdersAddressesMustLookLikeAddresses() {
        assertEquals(
                "invalid_address",
                assertThrows(
                                Invalid.class,
                                () -> CertificateHolder.of("ann", null).withEmail("ann"))
                        .code());
        assertEquals(
                "invalid_address",
                assertThrows(
                                Invalid.class,
                                () -> CertificateHolder.of("ann", null).withEmail("änn@example.org"))
                        .code(),
                "rfc822Name is ASCII");
        assertEquals(
                Optional.of("änn@example.org"),
                CertificateHolder.of("ann", null)
                        .withUserPrincipalName("änn@example.org")
                        .userPrincipalName(),
                "a UPN is UTF-8");
        assertEquals("ann", CertificateHolder.of("ann", " ").displayName());
    }

    @Test
    void revocationReasonsAreRfc5280Codes() {
        assertEquals(RevocationReason.KEY_COMPROMISE, RevocationReason.ofCode(1, "reason"));
        assertEquals(RevocationReason.PRIVILEGE_WITHDRAWN, RevocationReason.ofCode(9, "reason"));
        assertEquals(
                "unknown_revocation_reason",
                assertThrows(Invalid.class, () -> RevocationReason.ofCode(7, "reason"))
                        .code());
        assertFalse(RevocationReason.CA_COMPROMISE.forUserCertificates());
        assertEquals(RevocationReason.SUPERSEDED, RevocationTrigger.RENEW.reason());
    }

    @Test
    void keyTypesAreRsaSizesOrNistCurves() {
        assertEquals("EC P-384", KeyType.ec(EcCurve.P384).toString());
        assertEquals("RSA 3072", KeyType.rsa(3072).toString());
        assertThrows(IllegalArgumentException.class, () -> new KeyType(KeyAlgorithm.EC, 192));
        assertEquals(Optional.of(EcCurve.P521), EcCurve.ofOid("1.3.132.0.35"));
        AcceptedKeys strong = new AcceptedKeys(true, 3072, Set.of(EcCurve.P384));
        assertEquals(
                "csr_key_too_weak",
                strong.violation(KeyType.rsa(2048), "csr").orElseThrow().code());
        assertEquals(
                "csr_key_too_large",
                strong.violation(KeyType.rsa(16384), "csr").orElseThrow().code());
        assertEquals(
                "csr_key_algorithm_not_allowed",
                strong.violation(KeyType.ec(EcCurve.P256), "csr").orElseThrow().code());
        assertTrue(strong.violation(KeyType.ec(EcCurve.P384), "csr").isEmpty());
    }

    @Test
    void caCertificatesGiveTheChainOnceEachWithoutRetiredOnes() {
        CaCertificate issuing = ca("0a0a0a0a", CaCertificate.Role.ISSUING, 1);
        CaCertificate root = ca("0b0b0b0b", CaCertificate.Role.ROOT, 2);
        CaCertificate retired = ca("0c0c0c0c", CaCertificate.Role.RETIRED_ISSUING, 3);
        CaCertificates all = new CaCertificates(List.of(issuing, root, retired));
        assertEquals(issuing.pem() + root.pem(), all.chainPem());
        assertEquals(Optional.of(retired), all.find(new IssuerId("0c0c0c0c")));
        CaCertificate selfIssuing = ca("0b0b0b0b", CaCertificate.Role.ISSUING, 2);
        assertEquals(
                root.pem(), new CaCertificates(List.of(selfIssuing, root)).chainPem(), "an issuing root appears once");
        assertThrows(IllegalArgumentException.class, () -> new CaCertificates(List.of(root)));
    }

    private static CaCertificate ca(String id, CaCertificate.Role role, int marker) {
        return new CaCertificate(
                new IssuerId(id), role, "CN=" + role, java.time.Instant.EPOCH, java.time.Instant.EPOCH, new byte[] {
                    (byte) marker
                });
    }
}
