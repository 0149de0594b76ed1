package org.openprofiles.adapter.ca;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Path;
import java.security.cert.CertPathValidatorException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openprofiles.domain.certificate.pki.CaCertificate;
import org.openprofiles.domain.certificate.pki.CaCertificates;
import org.openprofiles.domain.certificate.pki.CertificateSettings;
import org.openprofiles.domain.certificate.pki.CertificateStatus;
import org.openprofiles.domain.certificate.pki.CrlRequest;
import org.openprofiles.domain.certificate.pki.IssuedCertificate;
import org.openprofiles.domain.certificate.pki.RevocationReason;

/** A new issuing CA takes over; the old one keeps answering for what it issued, across restarts. */
class RotationTest {

    @TempDir
    Path data;

    @Test
    void rotatedIssuingCaIssuesWhileTheRetiredOneStillPublishesRevocations() throws Exception {
        EmbeddedCertificateAuthority ca = TestCa.create(data);
        CaCertificates before = ca.caCertificates();
        IssuedCertificate old = issue(ca);

        CaCertificates after = ca.rotateIssuingCa();
        IssuedCertificate fresh = issue(ca);

        assertArrayEquals(before.root().der(), after.root().der(), "same root: relying parties change nothing");
        assertNotEquals(before.issuing().id(), after.issuing().id());
        assertEquals(after.issuing().id(), fresh.issuer());
        assertEquals(
                List.of(before.issuing().id()),
                after.all().stream()
                        .filter(c -> c.role() == CaCertificate.Role.RETIRED_ISSUING)
                        .map(CaCertificate::id)
                        .toList());
        assertEquals(after.issuing().pem() + after.root().pem(), after.chainPem());

        Instant now = Instant.now();
        byte[] oldCrl = ca.signCrl(
                        new CrlRequest(old.issuer(), BigInteger.TWO, now, now.plus(Duration.ofDays(1))),
                        List.of(ca.revoke(old.issuer(), old.serial(), RevocationReason.SUPERSEDED, now)))
                .der();
        byte[] rootCrl = ca.signCrl(
                        new CrlRequest(after.root().id(), BigInteger.TWO, now, now.plus(Duration.ofDays(1))), List.of())
                .der();
        byte[] freshCrl = ca.signCrl(
                        new CrlRequest(fresh.issuer(), BigInteger.ONE, now, now.plus(Duration.ofDays(1))), List.of())
                .der();
        assertEquals(
                CertPathValidatorException.BasicReason.REVOKED,
                RelyingParty.failure(old.der(), after, before.issuing().der(), List.of(oldCrl, rootCrl)));
        assertNull(RelyingParty.failure(fresh.der(), after, after.issuing().der(), List.of(freshCrl, rootCrl)));

        X509CertificateHolder retired =
                new X509CertificateHolder(before.issuing().der());
        OCSPResp answer = new OCSPResp(ca.answerOcsp(
                new OCSPReqBuilder()
                        .addRequest(new CertificateID(
                                Bc.digests().get(CertificateID.HASH_SHA1),
                                retired,
                                old.serial().value()))
                        .build()
                        .getEncoded(),
                (issuer, serial) ->
                        issuer.equals(old.issuer()) ? CertificateStatus.good() : CertificateStatus.unknown()));
        BasicOCSPResp basic = (BasicOCSPResp) answer.getResponseObject();
        assertTrue(
                basic.isSignatureValid(new JcaContentVerifierProviderBuilder()
                        .setProvider(Bc.PROVIDER)
                        .build(retired)),
                "answered and signed by the retired issuing CA");
        assertNull(basic.getResponses()[0].getCertStatus(), "good");

        CaCertificates restarted = TestCa.create(data).caCertificates();
        assertEquals(
                after.all().stream().map(CaCertificate::id).toList(),
                restarted.all().stream().map(CaCertificate::id).toList());
        assertArrayEquals(
                ca.certificatesOnly(old.der()),
                TestCa.create(data).certificatesOnly(old.der()),
                "the retired CA's chain is still served for its certificates");
    }

    private static IssuedCertificate issue(EmbeddedCertificateAuthority ca) {
        return ca.issue(TestRequests.ec("secp256r1").request(), TestCa.ann(), CertificateSettings.defaults());
    }
}
