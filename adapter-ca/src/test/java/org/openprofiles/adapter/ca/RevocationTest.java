package org.openprofiles.adapter.ca;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.cert.CRLReason;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cms.CMSSignedData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openprofiles.domain.certificate.pki.CaCertificates;
import org.openprofiles.domain.certificate.pki.CertificateSettings;
import org.openprofiles.domain.certificate.pki.CrlRequest;
import org.openprofiles.domain.certificate.pki.IssuedCertificate;
import org.openprofiles.domain.certificate.pki.IssuerId;
import org.openprofiles.domain.certificate.pki.RevocationReason;
import org.openprofiles.domain.certificate.pki.RevokedCertificate;
import org.openprofiles.domain.certificate.pki.SerialNumber;
import org.openprofiles.domain.certificate.pki.SignedCrl;
import org.openprofiles.domain.shared.Invalid;
import org.openprofiles.domain.shared.NotFound;

/** Chains validate with the JDK's PKIX validator, and the CRLs this CA signs make revoked certificates fail. */
class RevocationTest {

    private static EmbeddedCertificateAuthority ca;
    private static CaCertificates authority;
    private static IssuerId issuer;
    private static byte[] rootCrl;

    @BeforeAll
    static void startCa() {
        ca = TestCa.shared();
        authority = ca.caCertificates();
        issuer = authority.issuing().id();
        Instant now = Instant.now();
        rootCrl = ca.signCrl(
                        new CrlRequest(authority.root().id(), BigInteger.ONE, now, now.plus(Duration.ofDays(30))),
                        List.of())
                .der();
    }

    private static IssuedCertificate issue() {
        return ca.issue(TestRequests.ec("secp256r1").request(), TestCa.ann(), CertificateSettings.defaults());
    }

    private static byte[] crl(long number, RevokedCertificate... entries) {
        Instant now = Instant.now();
        return ca.signCrl(
                        new CrlRequest(
                                issuer, BigInteger.valueOf(number), now.minusSeconds(60), now.plus(Duration.ofDays(1))),
                        List.of(entries))
                .der();
    }

    @Test
    void chainValidatesFromTheRootWithRevocationChecking() throws Exception {
        IssuedCertificate good = issue();
        assertNull(
                RelyingParty.failure(good.der(), authority, authority.issuing().der(), List.of(crl(1), rootCrl)));
    }

    @Test
    void revokedCertificateFailsValidationAndAGoodOneStillPasses() throws Exception {
        IssuedCertificate good = issue();
        IssuedCertificate lost = issue();
        RevokedCertificate revocation =
                ca.revoke(issuer, lost.serial(), RevocationReason.KEY_COMPROMISE, Instant.now());
        byte[] crl = crl(2, revocation);

        assertEquals(
                CertPathValidatorException.BasicReason.REVOKED,
                RelyingParty.failure(lost.der(), authority, authority.issuing().der(), List.of(crl, rootCrl)));
        assertNull(
                RelyingParty.failure(good.der(), authority, authority.issuing().der(), List.of(crl, rootCrl)));
    }

    @Test
    void crlIsSignedByTheIssuingCaAndCarriesNumberReasonsAndTimes() throws Exception {
        IssuedCertificate first = issue();
        IssuedCertificate second = issue();
        Instant revokedAt = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        Instant thisUpdate = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        SignedCrl signed = ca.signCrl(
                new CrlRequest(issuer, BigInteger.valueOf(42), thisUpdate, thisUpdate.plus(Duration.ofDays(1))),
                List.of(
                        new RevokedCertificate(issuer, first.serial(), revokedAt, RevocationReason.SUPERSEDED),
                        new RevokedCertificate(issuer, second.serial(), revokedAt, RevocationReason.UNSPECIFIED)));

        X509CRL crl = TestCa.crl(signed.der());
        crl.verify(TestCa.certificate(authority.issuing().der()).getPublicKey());
        assertEquals(
                TestCa.certificate(authority.issuing().der()).getSubjectX500Principal(), crl.getIssuerX500Principal());
        assertEquals(2, crl.getVersion());
        assertEquals(thisUpdate, crl.getThisUpdate().toInstant());
        assertEquals(thisUpdate.plus(Duration.ofDays(1)), crl.getNextUpdate().toInstant());
        assertEquals(
                BigInteger.valueOf(42),
                ASN1Integer.getInstance(org.bouncycastle.asn1.ASN1OctetString.getInstance(
                                        crl.getExtensionValue(Extension.cRLNumber.getId()))
                                .getOctets())
                        .getValue());
        X509CRLEntry superseded = crl.getRevokedCertificate(first.serial().value());
        assertEquals(revokedAt, superseded.getRevocationDate().toInstant());
        assertEquals(CRLReason.SUPERSEDED, superseded.getRevocationReason());
        assertNull(
                crl.getRevokedCertificate(second.serial().value()).getRevocationReason(),
                "unspecified is written as no reason at all (RFC 5280 5.3.1)");
        assertEquals(42, signed.number().intValue());
    }

    @Test
    void rootSignsItsOwnCrlForTheIssuingCas() throws Exception {
        X509CRL crl = TestCa.crl(rootCrl);
        crl.verify(TestCa.certificate(authority.root().der()).getPublicKey());
        assertTrue(crl.getRevokedCertificates() == null);
    }

    @Test
    void crlOfAnUnknownIssuerOrWithAnotherIssuersEntryIsRefused() {
        Instant now = Instant.now();
        IssuerId stranger = new IssuerId("0123456789abcdef");
        assertEquals(
                "issuer_not_found",
                assertThrows(
                                NotFound.class,
                                () -> ca.signCrl(
                                        new CrlRequest(stranger, BigInteger.ONE, now, now.plusSeconds(60)), List.of()))
                        .code());
        RevokedCertificate foreign =
                new RevokedCertificate(stranger, SerialNumber.ofHex("1234"), now, RevocationReason.UNSPECIFIED);
        assertThrows(IllegalArgumentException.class, () -> crl(3, foreign));
    }

    @Test
    void revokeChecksReasonAndIssuerAndHandsTheRevocationBack() {
        IssuedCertificate issued = issue();
        Instant at = Instant.now();
        assertEquals(
                new RevokedCertificate(issuer, issued.serial(), at, RevocationReason.CESSATION_OF_OPERATION),
                ca.revoke(issuer, issued.serial(), RevocationReason.CESSATION_OF_OPERATION, at));
        assertEquals(
                "revocation_reason_not_allowed",
                assertThrows(
                                Invalid.class,
                                () -> ca.revoke(issuer, issued.serial(), RevocationReason.CA_COMPROMISE, at))
                        .code());
        assertEquals(
                "issuer_not_found",
                assertThrows(
                                NotFound.class,
                                () -> ca.revoke(
                                        new IssuerId("0123456789abcdef"),
                                        issued.serial(),
                                        RevocationReason.UNSPECIFIED,
                                        at))
                        .code());
    }

    @Test
    void certsOnlyPkcs7HoldsTheCertificateAndItsChainWithoutSigners() throws Exception {
        IssuedCertificate issued = issue();
        byte[] pkcs7 = ca.certificatesOnly(issued.der());

        Collection<? extends java.security.cert.Certificate> certificates =
                CertificateFactory.getInstance("X.509").generateCertificates(new java.io.ByteArrayInputStream(pkcs7));
        List<byte[]> ders = new ArrayList<>();
        for (java.security.cert.Certificate certificate : certificates) {
            ders.add(((X509Certificate) certificate).getEncoded());
        }
        assertEquals(3, ders.size());
        assertArrayEquals(issued.der(), ders.get(0));
        assertArrayEquals(authority.issuing().der(), ders.get(1));
        assertArrayEquals(authority.root().der(), ders.get(2));
        assertEquals(0, new CMSSignedData(pkcs7).getSignerInfos().size());
    }

    @Test
    void certsOnlyRefusesACertificateOfAnotherCa() throws Exception {
        byte[] foreign = Bc.encoded(TestCa.certificate(authority.root().der()));
        assertThrows(IllegalArgumentException.class, () -> ca.certificatesOnly(foreign));
        assertThrows(IllegalArgumentException.class, () -> ca.certificatesOnly(new byte[] {1, 2, 3}));
    }
}
