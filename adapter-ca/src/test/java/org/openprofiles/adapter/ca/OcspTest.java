package org.openprofiles.adapter.ca;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openprofiles.domain.certificate.pki.CaCertificates;
import org.openprofiles.domain.certificate.pki.CertificateAuthority;
import org.openprofiles.domain.certificate.pki.CertificateSettings;
import org.openprofiles.domain.certificate.pki.CertificateStatus;
import org.openprofiles.domain.certificate.pki.IssuedCertificate;
import org.openprofiles.domain.certificate.pki.IssuerId;
import org.openprofiles.domain.certificate.pki.RevocationReason;
import org.openprofiles.domain.certificate.pki.RevocationStatusLookup;
import org.openprofiles.domain.certificate.pki.SerialNumber;

/** OCSP answers (RFC 6960) as BouncyCastle's client reads them: good, revoked, unknown, and the refusals. */
class OcspTest {

    private static EmbeddedCertificateAuthority ca;
    private static CaCertificates authority;
    private static X509CertificateHolder issuing;

    /** The application's storage, as far as OCSP is concerned. */
    private final Map<SerialNumber, CertificateStatus> statuses = new HashMap<>();

    private final List<String> asked = new ArrayList<>();
    private final RevocationStatusLookup lookup = (issuer, serial) -> {
        asked.add(issuer + "/" + serial);
        return statuses.getOrDefault(serial, CertificateStatus.unknown());
    };

    @BeforeAll
    static void startCa() throws Exception {
        ca = TestCa.shared();
        authority = ca.caCertificates();
        issuing = new X509CertificateHolder(authority.issuing().der());
    }

    private static IssuedCertificate issue() {
        return ca.issue(TestRequests.ec("secp256r1").request(), TestCa.ann(), CertificateSettings.defaults());
    }

    private static CertificateID id(BigInteger serial) throws Exception {
        return new CertificateID(Bc.digests().get(CertificateID.HASH_SHA1), issuing, serial);
    }

    private static byte[] request(byte[] nonce, CertificateID... ids) throws Exception {
        OCSPReqBuilder builder = new OCSPReqBuilder();
        for (CertificateID id : ids) {
            builder.addRequest(id);
        }
        if (nonce != null) {
            builder.setRequestExtensions(new Extensions(new Extension(
                    OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false, new DEROctetString(nonce).getEncoded())));
        }
        return builder.build().getEncoded();
    }

    private static BasicOCSPResp verified(byte[] answer) throws Exception {
        OCSPResp response = new OCSPResp(answer);
        assertEquals(OCSPResp.SUCCESSFUL, response.getStatus());
        BasicOCSPResp basic = (BasicOCSPResp) response.getResponseObject();
        assertTrue(
                basic.isSignatureValid(new JcaContentVerifierProviderBuilder()
                        .setProvider(Bc.PROVIDER)
                        .build(issuing)),
                "signed by the issuing CA");
        assertEquals(
                new RespID(issuing.getSubjectPublicKeyInfo(), Bc.digests().get(CertificateID.HASH_SHA1)),
                basic.getResponderId());
        return basic;
    }

    @Test
    void goodRevokedAndUnknownAreAnsweredInOneSignedResponseWithTheNonceEchoed() throws Exception {
        IssuedCertificate good = issue();
        IssuedCertificate revoked = issue();
        Instant revokedAt = Instant.now().minus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.SECONDS);
        statuses.put(good.serial(), CertificateStatus.good());
        statuses.put(revoked.serial(), CertificateStatus.revoked(revokedAt, RevocationReason.KEY_COMPROMISE));
        BigInteger neverIssued = BigInteger.valueOf(123456789);
        byte[] nonce = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};

        BasicOCSPResp basic = verified(ca.answerOcsp(
                request(nonce, id(good.serial().value()), id(revoked.serial().value()), id(neverIssued)), lookup));

        SingleResp[] answers = basic.getResponses();
        assertEquals(3, answers.length);
        assertEquals(id(good.serial().value()), answers[0].getCertID());
        assertEquals(null, answers[0].getCertStatus(), "good");
        RevokedStatus revokedStatus = assertInstanceOf(RevokedStatus.class, answers[1].getCertStatus());
        assertEquals(revokedAt, revokedStatus.getRevocationTime().toInstant());
        assertEquals(RevocationReason.KEY_COMPROMISE.code(), revokedStatus.getRevocationReason());
        assertInstanceOf(UnknownStatus.class, answers[2].getCertStatus());
        assertEquals(
                Duration.ofMinutes(15),
                Duration.between(
                        answers[0].getThisUpdate().toInstant(),
                        answers[0].getNextUpdate().toInstant()));
        assertArrayEquals(
                new DEROctetString(nonce).getEncoded(),
                basic.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce)
                        .getExtnValue()
                        .getOctets());
        IssuerId issuer = authority.issuing().id();
        assertEquals(
                List.of(
                        issuer + "/" + good.serial(),
                        issuer + "/" + revoked.serial(),
                        issuer + "/" + neverIssued.toString(16)),
                asked);
    }

    @Test
    void requestWithSha256CertificateIdIsAnsweredToo() throws Exception {
        IssuedCertificate good = issue();
        statuses.put(good.serial(), CertificateStatus.good());
        CertificateID sha256 = new CertificateID(
                Bc.digests().get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256)),
                issuing,
                good.serial().value());

        SingleResp answer =
                verified(ca.answerOcsp(request(null, sha256), lookup)).getResponses()[0];

        assertEquals(sha256, answer.getCertID());
        assertEquals(null, answer.getCertStatus());
    }

    @Test
    void malformedOrOversizedRequestsAreAnsweredMalformed() throws Exception {
        assertEquals(
                OCSPResp.MALFORMED_REQUEST, new OCSPResp(ca.answerOcsp(new byte[] {0x30, 0x00}, lookup)).getStatus());
        assertEquals(
                OCSPResp.MALFORMED_REQUEST,
                new OCSPResp(ca.answerOcsp("GET / HTTP/1.1".getBytes(), lookup)).getStatus());
        CertificateID[] tooMany = new CertificateID[CertificateAuthority.MAX_OCSP_REQUESTS + 1];
        for (int i = 0; i < tooMany.length; i++) {
            tooMany[i] = id(BigInteger.valueOf(i + 1));
        }
        assertEquals(
                OCSPResp.MALFORMED_REQUEST, new OCSPResp(ca.answerOcsp(request(null, tooMany), lookup)).getStatus());
        assertEquals(
                OCSPResp.MALFORMED_REQUEST,
                new OCSPResp(ca.answerOcsp(request(new byte[64], id(BigInteger.TEN)), lookup)).getStatus(),
                "a nonce longer than 32 octets (RFC 8954)");
        assertTrue(asked.isEmpty(), "nothing looked up");
    }

    @Test
    void questionAboutAnotherCasCertificateIsUnauthorized() throws Exception {
        X509CertificateHolder root = new X509CertificateHolder(authority.root().der());
        CertificateID ofAnotherIssuer =
                new CertificateID(Bc.digests().get(CertificateID.HASH_SHA1), root, BigInteger.TEN);
        assertEquals(
                OCSPResp.UNAUTHORIZED, new OCSPResp(ca.answerOcsp(request(null, ofAnotherIssuer), lookup)).getStatus());
    }

    @Test
    void failingLookupIsAnsweredTryLater() throws Exception {
        RevocationStatusLookup broken = (issuer, serial) -> {
            throw new IllegalStateException("database down");
        };
        assertEquals(
                OCSPResp.TRY_LATER, new OCSPResp(ca.answerOcsp(request(null, id(BigInteger.TEN)), broken)).getStatus());
    }

    @Test
    void sha1HashOfTheCertIdIsOnlyForMatchingNotForSigning() throws Exception {
        IssuedCertificate good = issue();
        statuses.put(good.serial(), CertificateStatus.good());
        BasicOCSPResp basic =
                verified(ca.answerOcsp(request(null, id(good.serial().value())), lookup));
        assertEquals(
                new AlgorithmIdentifier(OIWObjectIdentifiers.idSHA1).getAlgorithm(),
                basic.getResponses()[0].getCertID().getHashAlgOID());
        assertTrue(
                basic.getSignatureAlgOID().getId().startsWith("1.2.840.10045.4.3"),
                "ECDSA with SHA-2: " + basic.getSignatureAlgOID());
    }
}
