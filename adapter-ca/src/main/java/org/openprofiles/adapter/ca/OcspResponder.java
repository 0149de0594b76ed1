package org.openprofiles.adapter.ca;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.openprofiles.domain.certificate.pki.CertificateAuthority;
import org.openprofiles.domain.certificate.pki.CertificateStatus;
import org.openprofiles.domain.certificate.pki.RevocationReason;
import org.openprofiles.domain.certificate.pki.RevocationStatusLookup;
import org.openprofiles.domain.certificate.pki.SerialNumber;
import org.openprofiles.domain.certificate.pki.SignatureHash;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers OCSP requests (RFC 6960) for the issuing CAs: each answer is signed by the issuing CA
 * itself (no delegated responder certificate to manage), names it by key hash, and echoes the
 * request's nonce (RFC 8954: at most 32 octets).
 */
final class OcspResponder {

    private static final Logger LOG = LoggerFactory.getLogger(OcspResponder.class);
    /** A nonce extension's value: an OCTET STRING of at most 32 octets, with its tag and length. */
    private static final int MAX_NONCE_ENCODING = 34;

    private final DigestCalculatorProvider digests = Bc.digests();

    /** What the responder needs from the CA: its issuing CAs and the hash each signs with. */
    interface Signers {
        Collection<CaSigner> issuing();

        SignatureHash hash(CaSigner signer);
    }

    byte[] answer(byte[] requestDer, Signers signers, RevocationStatusLookup lookup, Instant now, Duration validity) {
        OCSPReq request;
        Req[] questions;
        try {
            request = new OCSPReq(requestDer);
            questions = request.getRequestList();
        } catch (IOException | RuntimeException e) {
            return status(OCSPRespBuilder.MALFORMED_REQUEST);
        }
        Extension nonce = request.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
        if (questions.length == 0
                || questions.length > CertificateAuthority.MAX_OCSP_REQUESTS
                || nonce != null && nonce.getExtnValue().getOctets().length > MAX_NONCE_ENCODING) {
            return status(OCSPRespBuilder.MALFORMED_REQUEST);
        }
        CaSigner responder = null;
        for (Req question : questions) {
            responder = responder != null ? responder : issuerOf(question.getCertID(), signers.issuing());
        }
        if (responder == null) {
            return status(OCSPRespBuilder.UNAUTHORIZED);
        }
        try {
            Instant thisUpdate = CertificateMaker.seconds(now);
            Date nextUpdate = Bc.date(thisUpdate.plus(validity));
            BasicOCSPRespBuilder builder =
                    new BasicOCSPRespBuilder(new RespID(responder.certificate().getSubjectPublicKeyInfo(), sha1()));
            for (Req question : questions) {
                CertificateID id = question.getCertID();
                SerialNumber serial = serial(id);
                org.bouncycastle.cert.ocsp.CertificateStatus status =
                        serial != null && id.matchesIssuer(responder.certificate(), digests)
                                ? encode(lookup.statusOf(responder.id(), serial))
                                : new UnknownStatus();
                builder.addResponse(id, status, Bc.date(thisUpdate), nextUpdate, null);
            }
            if (nonce != null) {
                builder.setResponseExtensions(new Extensions(nonce));
            }
            BasicOCSPResp response =
                    builder.build(Bc.signer(responder.key(), signers.hash(responder)), null, Bc.date(thisUpdate));
            return new OCSPRespBuilder()
                    .build(OCSPRespBuilder.SUCCESSFUL, response)
                    .getEncoded();
        } catch (RuntimeException | OCSPException | IOException e) {
            LOG.warn("OCSP answer failed, answering tryLater: {}", e.toString());
            return status(OCSPRespBuilder.TRY_LATER);
        }
    }

    private CaSigner issuerOf(CertificateID id, Collection<CaSigner> issuing) {
        for (CaSigner signer : issuing) {
            try {
                if (id.matchesIssuer(signer.certificate(), digests)) {
                    return signer;
                }
            } catch (OCSPException e) {
                // a hash algorithm we do not have: not ours to answer
            }
        }
        return null;
    }

    /** A serial the domain accepts; anything else (zero, negative, too long) cannot be ours. */
    private static SerialNumber serial(CertificateID id) {
        try {
            return new SerialNumber(id.getSerialNumber());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static org.bouncycastle.cert.ocsp.CertificateStatus encode(CertificateStatus status) {
        if (status instanceof CertificateStatus.Good) {
            return org.bouncycastle.cert.ocsp.CertificateStatus.GOOD;
        }
        if (status instanceof CertificateStatus.Revoked revoked) {
            Date at = Bc.date(CertificateMaker.seconds(revoked.revokedAt()));
            return revoked.reason() == RevocationReason.UNSPECIFIED
                    ? new RevokedStatus(at)
                    : new RevokedStatus(at, revoked.reason().code());
        }
        return new UnknownStatus();
    }

    private DigestCalculator sha1() {
        try {
            return digests.get(RespID.HASH_SHA1);
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("no SHA-1", e);
        }
    }

    /** "tryLater": the CA cannot answer now. */
    static byte[] tryLater() {
        return status(OCSPRespBuilder.TRY_LATER);
    }

    private static byte[] status(int status) {
        try {
            return new OCSPRespBuilder().build(status, null).getEncoded();
        } catch (OCSPException | IOException e) {
            throw new IllegalStateException("an OCSP status does not encode", e);
        }
    }
}
