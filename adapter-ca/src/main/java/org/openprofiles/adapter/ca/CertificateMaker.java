package org.openprofiles.adapter.ca;

import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.OtherName;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.openprofiles.domain.certificate.pki.AlternativeName;
import org.openprofiles.domain.certificate.pki.CertificateAuthorityUnavailable;
import org.openprofiles.domain.certificate.pki.CertificateContent;
import org.openprofiles.domain.certificate.pki.DistinguishedName;
import org.openprofiles.domain.certificate.pki.PkiLocations;
import org.openprofiles.domain.certificate.pki.SerialNumber;
import org.openprofiles.domain.certificate.pki.SignatureHash;
import org.openprofiles.domain.certificate.pki.SubjectAttribute;

/**
 * Builds and signs the certificates of this CA: the root, an issuing CA, the key-recovery
 * certificate, and users' certificates, each with the extensions its role needs.
 */
final class CertificateMaker {

    /** The Microsoft UPN otherName (szOID_NT_PRINCIPAL_NAME). */
    static final ASN1ObjectIdentifier UPN = new ASN1ObjectIdentifier("1.3.6.1.4.1.311.20.2.3");

    /** Users' certificates start this much earlier, so a client whose clock is a little behind accepts them. */
    static final Duration BACKDATING = Duration.ofMinutes(5);

    private CertificateMaker() {}

    /** A self-signed root: CA without path limit, signs certificates and CRLs. */
    static X509CertificateHolder root(
            X500Name subject,
            SubjectPublicKeyInfo key,
            ContentSigner signer,
            SerialNumber serial,
            Instant now,
            Duration validity) {
        X509v3CertificateBuilder builder = new X509v3CertificateBuilder(
                subject, serial.value(), Bc.date(seconds(now)), Bc.date(seconds(now.plus(validity))), subject, key);
        byte[] keyId = keyIdentifier(key);
        add(builder, Extension.basicConstraints, true, new BasicConstraints(true));
        add(builder, Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        add(builder, Extension.subjectKeyIdentifier, false, new SubjectKeyIdentifier(keyId));
        return builder.build(signer);
    }

    /**
     * An issuing CA under {@code parent}: no CA below it (path length 0); signs users'
     * certificates, CRLs and OCSP answers; points at its parent's CRL and certificate.
     */
    static X509CertificateHolder issuingCa(
            X500Name subject,
            SubjectPublicKeyInfo key,
            CaSigner parent,
            SignatureHash hash,
            SerialNumber serial,
            Instant now,
            Duration validity,
            PkiLocations locations) {
        Instant notAfter = earliest(now.plus(validity), parent.notAfter());
        X509v3CertificateBuilder builder = new X509v3CertificateBuilder(
                parent.certificate().getSubject(),
                serial.value(),
                Bc.date(seconds(now)),
                Bc.date(seconds(notAfter)),
                subject,
                key);
        add(builder, Extension.basicConstraints, true, new BasicConstraints(0));
        add(
                builder,
                Extension.keyUsage,
                true,
                new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature));
        add(builder, Extension.subjectKeyIdentifier, false, new SubjectKeyIdentifier(keyIdentifier(key)));
        addIssuerReferences(builder, parent, locations, false);
        return builder.build(Bc.signer(parent.key(), hash));
    }

    /**
     * The key-recovery certificate: self-signed, for key agreement only. Nobody needs to trust it;
     * it names the key archived private keys are encrypted to.
     */
    static X509CertificateHolder keyRecovery(
            X500Name subject,
            SubjectPublicKeyInfo key,
            ContentSigner signer,
            SerialNumber serial,
            Instant now,
            Duration validity) {
        X509v3CertificateBuilder builder = new X509v3CertificateBuilder(
                subject, serial.value(), Bc.date(seconds(now)), Bc.date(seconds(now.plus(validity))), subject, key);
        add(builder, Extension.basicConstraints, true, new BasicConstraints(false));
        add(builder, Extension.keyUsage, true, new KeyUsage(KeyUsage.keyAgreement));
        add(builder, Extension.subjectKeyIdentifier, false, new SubjectKeyIdentifier(keyIdentifier(key)));
        return builder.build(signer);
    }

    /**
     * A user's certificate with exactly the granted content, valid from a little before
     * {@code now} for the granted validity but never beyond its issuer.
     */
    static X509CertificateHolder user(
            SubjectPublicKeyInfo key,
            CertificateContent content,
            CaSigner issuer,
            SignatureHash hash,
            SerialNumber serial,
            Instant now,
            PkiLocations locations) {
        Instant notBefore = latest(seconds(now.minus(BACKDATING)), issuer.notBefore());
        Instant notAfter = earliest(seconds(now.plus(content.validity())), issuer.notAfter());
        if (!notAfter.isAfter(now)) {
            throw new CertificateAuthorityUnavailable("the issuing CA " + issuer.id() + " has expired; rotate it");
        }
        X509v3CertificateBuilder builder = new X509v3CertificateBuilder(
                issuer.certificate().getSubject(),
                serial.value(),
                Bc.date(notBefore),
                Bc.date(notAfter),
                name(content.subject()),
                key);
        add(builder, Extension.basicConstraints, true, new BasicConstraints(false));
        add(builder, Extension.keyUsage, true, new KeyUsage(keyUsageBits(content.keyUsages())));
        if (!content.extendedKeyUsages().isEmpty()) {
            add(
                    builder,
                    Extension.extendedKeyUsage,
                    false,
                    new ExtendedKeyUsage(content.extendedKeyUsages().stream()
                            .map(u -> KeyPurposeId.getInstance(new ASN1ObjectIdentifier(u.oid())))
                            .toArray(KeyPurposeId[]::new)));
        }
        if (!content.alternativeNames().isEmpty()) {
            // Critical only when the subject is empty (RFC 5280 4.2.1.6); ours always has a CN.
            add(
                    builder,
                    Extension.subjectAlternativeName,
                    content.subject().isEmpty(),
                    new GeneralNames(content.alternativeNames().stream()
                            .map(CertificateMaker::generalName)
                            .toArray(GeneralName[]::new)));
        }
        add(builder, Extension.subjectKeyIdentifier, false, new SubjectKeyIdentifier(keyIdentifier(key)));
        addIssuerReferences(builder, issuer, locations, true);
        return builder.build(Bc.signer(issuer.key(), hash));
    }

    /** The X.500 name of a subject, each attribute its own RDN, in the order given. */
    static X500Name name(DistinguishedName subject) {
        X500NameBuilder builder = new X500NameBuilder(BCStyle.INSTANCE);
        for (SubjectAttribute attribute : subject.attributes()) {
            builder.addRDN(new ASN1ObjectIdentifier(attribute.oid()), attribute.value());
        }
        return builder.build();
    }

    static byte[] keyIdentifier(SubjectPublicKeyInfo key) {
        return Bc.keyIdentifier(key);
    }

    static SubjectPublicKeyInfo keyInfo(PublicKey key) {
        return SubjectPublicKeyInfo.getInstance(key.getEncoded());
    }

    /** The BIT STRING value of the usages, in BouncyCastle's encoding (bit 0 is 0x80, bit 8 is 0x8000). */
    static int keyUsageBits(Set<org.openprofiles.domain.certificate.pki.KeyUsage> usages) {
        int bits = 0;
        for (org.openprofiles.domain.certificate.pki.KeyUsage usage : usages) {
            bits |= usage.bit() < 8 ? 1 << (7 - usage.bit()) : 1 << 15;
        }
        return bits;
    }

    private static GeneralName generalName(AlternativeName name) {
        return switch (name.type()) {
            case EMAIL -> new GeneralName(GeneralName.rfc822Name, name.value());
            case UPN -> new GeneralName(GeneralName.otherName, new OtherName(UPN, new DERUTF8String(name.value())));
            default ->
                throw new IllegalArgumentException("templates grant e-mail and UPN names only, not " + name.type());
        };
    }

    /** Authority key identifier, and where relying parties find the issuer's certificate, CRL and (for users) OCSP. */
    private static void addIssuerReferences(
            X509v3CertificateBuilder builder, CaSigner issuer, PkiLocations locations, boolean withOcsp) {
        add(
                builder,
                Extension.authorityKeyIdentifier,
                false,
                new AuthorityKeyIdentifier(Bc.keyIdentifier(issuer.certificate())));
        GeneralName crl = new GeneralName(GeneralName.uniformResourceIdentifier, locations.crl(issuer.id()));
        add(builder, Extension.cRLDistributionPoints, false, new CRLDistPoint(new DistributionPoint[] {
            new DistributionPoint(new DistributionPointName(new GeneralNames(crl)), null, null)
        }));
        List<AccessDescription> access = new ArrayList<>();
        access.add(new AccessDescription(
                AccessDescription.id_ad_caIssuers,
                new GeneralName(GeneralName.uniformResourceIdentifier, locations.caCertificate(issuer.id()))));
        if (withOcsp) {
            access.add(new AccessDescription(
                    AccessDescription.id_ad_ocsp,
                    new GeneralName(GeneralName.uniformResourceIdentifier, locations.ocsp())));
        }
        add(
                builder,
                Extension.authorityInfoAccess,
                false,
                new AuthorityInformationAccess(access.toArray(AccessDescription[]::new)));
    }

    private static void add(
            X509v3CertificateBuilder builder, ASN1ObjectIdentifier oid, boolean critical, ASN1Encodable value) {
        try {
            builder.addExtension(oid, critical, value);
        } catch (CertIOException e) {
            throw new IllegalStateException("extension " + oid + " does not encode", e);
        }
    }

    /** X.509 times have whole seconds; truncating keeps notBefore/notAfter what was asked. */
    static Instant seconds(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS);
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
