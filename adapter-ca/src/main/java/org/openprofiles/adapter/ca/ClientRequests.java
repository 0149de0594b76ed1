package org.openprofiles.adapter.ca;

import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.Attribute;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.pkcs.RSASSAPSSparams;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.OtherName;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.openprofiles.domain.certificate.pki.AcceptedKeys;
import org.openprofiles.domain.certificate.pki.AlternativeName;
import org.openprofiles.domain.certificate.pki.CertificateSigningRequest;
import org.openprofiles.domain.certificate.pki.DistinguishedName;
import org.openprofiles.domain.certificate.pki.EcCurve;
import org.openprofiles.domain.certificate.pki.KeyType;
import org.openprofiles.domain.certificate.pki.KeyUsage;
import org.openprofiles.domain.certificate.pki.RequestedContent;
import org.openprofiles.domain.shared.Invalid;

/**
 * Reads a client's PKCS#10 request and checks what the request itself must get right: its
 * encoding, its key (against what the template accepts), its signature algorithm and signature.
 * Hands back the key and what the request asks for, for the template to judge.
 */
final class ClientRequests {

    /** What a checked request holds. */
    record ClientRequest(SubjectPublicKeyInfo key, KeyType keyType, RequestedContent requested) {}

    /** Signature algorithms with SHA-256 or stronger; SHA-1 and MD5 signatures are refused. */
    private static final Set<ASN1ObjectIdentifier> SIGNATURE_ALGORITHMS = Set.of(
            PKCSObjectIdentifiers.sha256WithRSAEncryption, PKCSObjectIdentifiers.sha384WithRSAEncryption,
            PKCSObjectIdentifiers.sha512WithRSAEncryption, X9ObjectIdentifiers.ecdsa_with_SHA256,
            X9ObjectIdentifiers.ecdsa_with_SHA384, X9ObjectIdentifiers.ecdsa_with_SHA512);

    private static final Set<ASN1ObjectIdentifier> PSS_HASHES =
            Set.of(NISTObjectIdentifiers.id_sha256, NISTObjectIdentifiers.id_sha384, NISTObjectIdentifiers.id_sha512);

    /** The extension request attribute of PKCS#9, and the one older Windows clients use. */
    private static final Set<ASN1ObjectIdentifier> EXTENSION_REQUESTS = Set.of(
            PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, new ASN1ObjectIdentifier("1.3.6.1.4.1.311.2.1.14"));

    private static final Map<Integer, AlternativeName.Type> NAME_TYPES = Map.of(
            GeneralName.rfc822Name,
            AlternativeName.Type.EMAIL,
            GeneralName.dNSName,
            AlternativeName.Type.DNS,
            GeneralName.uniformResourceIdentifier,
            AlternativeName.Type.URI,
            GeneralName.iPAddress,
            AlternativeName.Type.IP_ADDRESS,
            GeneralName.directoryName,
            AlternativeName.Type.DIRECTORY_NAME,
            GeneralName.registeredID,
            AlternativeName.Type.REGISTERED_ID,
            GeneralName.otherName,
            AlternativeName.Type.OTHER_NAME);

    private static final BigInteger SMALLEST_EXPONENT = BigInteger.valueOf(65537);

    private ClientRequests() {}

    /**
     * The checked request, or {@link Invalid} naming the request's field and the first rule it
     * breaks in this order: encoding, key, signature algorithm, signature, extensions. The key is
     * judged before the signature is verified, so an oversized key costs nothing.
     */
    static ClientRequest read(CertificateSigningRequest request, AcceptedKeys accepted) {
        String field = request.field();
        PKCS10CertificationRequest csr = parse(request.der(), field);
        KeyType keyType = keyType(csr.getSubjectPublicKeyInfo(), field);
        accepted.violation(keyType, field).ifPresent(v -> {
            throw new Invalid(List.of(v));
        });
        checkSignature(csr, field);
        return new ClientRequest(csr.getSubjectPublicKeyInfo(), keyType, requested(csr, field));
    }

    private static PKCS10CertificationRequest parse(byte[] der, String field) {
        try {
            PKCS10CertificationRequest csr = new PKCS10CertificationRequest(der);
            csr.getSubject();
            csr.getSubjectPublicKeyInfo();
            return csr;
        } catch (IOException | RuntimeException e) {
            throw malformed(field, "is not a DER PKCS#10 certificate request");
        }
    }

    private static KeyType keyType(SubjectPublicKeyInfo key, String field) {
        ASN1ObjectIdentifier algorithm = key.getAlgorithm().getAlgorithm();
        try {
            if (algorithm.equals(PKCSObjectIdentifiers.rsaEncryption)) {
                RSAPublicKey rsa = RSAPublicKey.getInstance(key.parsePublicKey());
                int bits = rsa.getModulus().bitLength();
                if (rsa.getPublicExponent().compareTo(SMALLEST_EXPONENT) < 0
                        || !rsa.getPublicExponent().testBit(0)) {
                    throw new Invalid(
                            "csr_key_too_weak", field, "the RSA key's public exponent must be odd and at least 65537");
                }
                if (bits < KeyType.MIN_RSA_BITS || bits > KeyType.MAX_RSA_BITS) {
                    throw new Invalid(
                            bits < KeyType.MIN_RSA_BITS ? "csr_key_too_weak" : "csr_key_too_large",
                            field,
                            "an RSA key of " + bits + " bits is not accepted");
                }
                return KeyType.rsa(bits);
            }
            if (algorithm.equals(X9ObjectIdentifiers.id_ecPublicKey)) {
                ASN1Encodable parameters = key.getAlgorithm().getParameters();
                if (!(parameters instanceof ASN1ObjectIdentifier curve)) {
                    throw new Invalid(
                            "csr_key_algorithm_not_allowed",
                            field,
                            "the EC key must name its curve (P-256, P-384 or P-521), not spell out its parameters");
                }
                return EcCurve.ofOid(curve.getId())
                        .map(KeyType::ec)
                        .orElseThrow(() -> new Invalid(
                                "csr_key_algorithm_not_allowed",
                                field,
                                "EC keys on curve " + curve.getId() + " are not accepted"));
            }
        } catch (IOException | IllegalArgumentException e) {
            throw malformed(field, "holds a public key that does not decode");
        }
        throw new Invalid(
                "csr_key_algorithm_not_allowed",
                field,
                "keys of algorithm " + algorithm.getId() + " are not accepted; use RSA or EC");
    }

    private static void checkSignature(PKCS10CertificationRequest csr, String field) {
        AlgorithmIdentifier algorithm = csr.getSignatureAlgorithm();
        if (!SIGNATURE_ALGORITHMS.contains(algorithm.getAlgorithm()) && !strongPss(algorithm)) {
            throw new Invalid(
                    "csr_signature_algorithm_not_allowed",
                    field,
                    "the request is signed with " + algorithm.getAlgorithm().getId()
                            + "; sign it with SHA-256 or stronger (RSA or ECDSA)");
        }
        boolean valid;
        try {
            valid = csr.isSignatureValid(new JcaContentVerifierProviderBuilder()
                    .setProvider(Bc.PROVIDER)
                    .build(csr.getSubjectPublicKeyInfo()));
        } catch (Exception e) {
            valid = false;
        }
        if (!valid) {
            throw new Invalid(
                    "csr_signature_invalid",
                    field,
                    "the request's signature does not verify with its own key (it was altered or not signed by the key's owner)");
        }
    }

    private static boolean strongPss(AlgorithmIdentifier algorithm) {
        if (!algorithm.getAlgorithm().equals(PKCSObjectIdentifiers.id_RSASSA_PSS)
                || algorithm.getParameters() == null) {
            return false;
        }
        try {
            return PSS_HASHES.contains(RSASSAPSSparams.getInstance(algorithm.getParameters())
                    .getHashAlgorithm()
                    .getAlgorithm());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static RequestedContent requested(PKCS10CertificationRequest csr, String field) {
        try {
            DistinguishedName subject = Bc.distinguishedName(csr.getSubject());
            List<AlternativeName> names = new ArrayList<>();
            Set<KeyUsage> usages = EnumSet.noneOf(KeyUsage.class);
            List<String> extendedUsages = new ArrayList<>();
            boolean ca = false;
            for (Attribute attribute : csr.getAttributes()) {
                if (!EXTENSION_REQUESTS.contains(attribute.getAttrType())) {
                    continue; // challenge passwords, Windows client facts: nothing to grant
                }
                for (ASN1Encodable value : attribute.getAttrValues()) {
                    Extensions extensions = Extensions.getInstance(value);
                    names.addAll(alternativeNames(extensions));
                    usages.addAll(keyUsages(extensions));
                    ExtendedKeyUsage eku = ExtendedKeyUsage.fromExtensions(extensions);
                    if (eku != null) {
                        for (KeyPurposeId purpose : eku.getUsages()) {
                            extendedUsages.add(purpose.getId());
                        }
                    }
                    BasicConstraints constraints = BasicConstraints.fromExtensions(extensions);
                    ca |= constraints != null && constraints.isCA();
                }
            }
            return new RequestedContent(subject, names, usages, extendedUsages, ca);
        } catch (IllegalArgumentException | IllegalStateException | ClassCastException e) {
            throw malformed(field, "holds a subject or an extension request that does not decode");
        }
    }

    private static List<AlternativeName> alternativeNames(Extensions extensions) {
        GeneralNames names = GeneralNames.fromExtensions(extensions, Extension.subjectAlternativeName);
        List<AlternativeName> result = new ArrayList<>();
        if (names == null) {
            return result;
        }
        for (GeneralName name : names.getNames()) {
            if (name.getTagNo() == GeneralName.otherName) {
                OtherName other = OtherName.getInstance(name.getName());
                result.add(
                        other.getTypeID().equals(CertificateMaker.UPN)
                                ? new AlternativeName(AlternativeName.Type.UPN, Bc.text(other.getValue()))
                                : new AlternativeName(
                                        AlternativeName.Type.OTHER_NAME,
                                        other.getTypeID().getId()));
            } else if (name.getTagNo() == GeneralName.iPAddress) {
                result.add(new AlternativeName(
                        AlternativeName.Type.IP_ADDRESS,
                        HexFormat.of()
                                .formatHex(ASN1OctetString.getInstance(name.getName())
                                        .getOctets())));
            } else {
                AlternativeName.Type type = NAME_TYPES.getOrDefault(name.getTagNo(), AlternativeName.Type.OTHER_NAME);
                result.add(new AlternativeName(
                        type,
                        name.getName() instanceof ASN1String s
                                ? s.getString()
                                : name.getName().toString()));
            }
        }
        return result;
    }

    private static Set<KeyUsage> keyUsages(Extensions extensions) {
        org.bouncycastle.asn1.x509.KeyUsage requested = org.bouncycastle.asn1.x509.KeyUsage.fromExtensions(extensions);
        Set<KeyUsage> usages = EnumSet.noneOf(KeyUsage.class);
        if (requested != null) {
            for (KeyUsage usage : KeyUsage.values()) {
                if (requested.hasUsages(CertificateMaker.keyUsageBits(Set.of(usage)))) {
                    usages.add(usage);
                }
            }
        }
        return usages;
    }

    private static Invalid malformed(String field, String what) {
        return new Invalid("csr_malformed", field, field + " " + what);
    }
}
