package org.openprofiles.adapter.ca;

import java.io.IOException;
import java.util.Date;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.openprofiles.domain.certificate.pki.CrlRequest;
import org.openprofiles.domain.certificate.pki.RevocationReason;
import org.openprofiles.domain.certificate.pki.RevokedCertificate;
import org.openprofiles.domain.certificate.pki.SignatureHash;
import org.openprofiles.domain.certificate.pki.SignedCrl;

/** Signs CRLs (RFC 5280 section 5): version 2, with the authority key identifier and the CRL number. */
final class Crls {

    private Crls() {}

    static SignedCrl sign(
            CaSigner issuer, SignatureHash hash, CrlRequest request, Iterable<RevokedCertificate> entries) {
        X509v2CRLBuilder builder = new X509v2CRLBuilder(
                issuer.certificate().getSubject(), Bc.date(CertificateMaker.seconds(request.thisUpdate())));
        builder.setNextUpdate(Bc.date(CertificateMaker.seconds(request.nextUpdate())));
        for (RevokedCertificate entry : entries) {
            if (!entry.issuer().equals(issuer.id())) {
                throw new IllegalArgumentException(
                        "a CRL of " + issuer.id() + " cannot list a certificate of " + entry.issuer());
            }
            Date revokedAt = Bc.date(CertificateMaker.seconds(entry.revokedAt()));
            if (entry.reason() == RevocationReason.UNSPECIFIED) {
                // RFC 5280 5.3.1: leave the reason code out rather than write "unspecified".
                builder.addCRLEntry(entry.serial().value(), revokedAt, (Extensions) null);
            } else {
                builder.addCRLEntry(
                        entry.serial().value(), revokedAt, entry.reason().code());
            }
        }
        try {
            builder.addExtension(
                    Extension.authorityKeyIdentifier,
                    false,
                    new AuthorityKeyIdentifier(Bc.keyIdentifier(issuer.certificate())));
            builder.addExtension(Extension.cRLNumber, false, new ASN1Integer(request.number()));
            byte[] der = builder.build(Bc.signer(issuer.key(), hash)).getEncoded();
            return new SignedCrl(
                    issuer.id(),
                    request.number(),
                    CertificateMaker.seconds(request.thisUpdate()),
                    CertificateMaker.seconds(request.nextUpdate()),
                    der);
        } catch (CertIOException e) {
            throw new IllegalStateException("CRL extensions do not encode", e);
        } catch (IOException e) {
            throw new IllegalStateException("the CRL does not encode", e);
        }
    }
}
