package org.openprofiles.adapter.ca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Path;
import java.security.cert.CertPathValidatorException;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openprofiles.domain.certificate.pki.CaCertificates;
import org.openprofiles.domain.certificate.pki.CertificateSettings;
import org.openprofiles.domain.certificate.pki.CertificateStatus;
import org.openprofiles.domain.certificate.pki.CrlRequest;
import org.openprofiles.domain.certificate.pki.IssuedCertificate;
import org.openprofiles.domain.certificate.pki.RevocationReason;

/** The CA made with RSA 3072 keys instead of EC P-384 works the same for relying parties. */
class RsaCaTest {

    @TempDir
    Path data;

    @Test
    void rsa3072CaIssuesChainsRevokesAndAnswersOcsp() throws Exception {
        EmbeddedCertificateAuthority ca = TestCa.create(new EmbeddedCaSettings(
                data,
                CaKeyAlgorithm.parse("rsa-3072"),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                TestCa.BASE_URL,
                "Example Corp",
                null));
        CaCertificates authority = ca.caCertificates();
        IssuedCertificate good =
                ca.issue(TestRequests.ec("secp256r1").request(), TestCa.ann(), CertificateSettings.defaults());
        IssuedCertificate revoked =
                ca.issue(TestRequests.ec("secp256r1").request(), TestCa.ann(), CertificateSettings.defaults());

        assertEquals(
                3072,
                ((RSAPublicKey) TestCa.certificate(authority.issuing().der()).getPublicKey())
                        .getModulus()
                        .bitLength());
        assertEquals("SHA256withRSA", TestCa.certificate(good.der()).getSigAlgName());
        assertTrue(
                authority.root().subject().startsWith("CN=Example Corp Root CA "),
                authority.root().subject());
        Instant now = Instant.now();
        byte[] crl = ca.signCrl(
                        new CrlRequest(authority.issuing().id(), BigInteger.ONE, now, now.plus(Duration.ofDays(1))),
                        List.of(ca.revoke(
                                authority.issuing().id(), revoked.serial(), RevocationReason.AFFILIATION_CHANGED, now)))
                .der();
        byte[] rootCrl = ca.signCrl(
                        new CrlRequest(authority.root().id(), BigInteger.ONE, now, now.plus(Duration.ofDays(1))),
                        List.of())
                .der();
        assertNull(
                RelyingParty.failure(good.der(), authority, authority.issuing().der(), List.of(crl, rootCrl)));
        assertEquals(
                CertPathValidatorException.BasicReason.REVOKED,
                RelyingParty.failure(
                        revoked.der(), authority, authority.issuing().der(), List.of(crl, rootCrl)));

        X509CertificateHolder issuing =
                new X509CertificateHolder(authority.issuing().der());
        BasicOCSPResp answer = (BasicOCSPResp) new OCSPResp(ca.answerOcsp(
                        new OCSPReqBuilder()
                                .addRequest(new CertificateID(
                                        Bc.digests().get(CertificateID.HASH_SHA1),
                                        issuing,
                                        good.serial().value()))
                                .build()
                                .getEncoded(),
                        (issuer, serial) -> CertificateStatus.good()))
                .getResponseObject();
        assertTrue(answer.isSignatureValid(
                new JcaContentVerifierProviderBuilder().setProvider(Bc.PROVIDER).build(issuing)));
        assertThrows(IllegalArgumentException.class, () -> CaKeyAlgorithm.parse("DSA"));
    }
}
