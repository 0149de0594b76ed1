package org.openprofiles.adapter.ca;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.OtherName;
import org.bouncycastle.cert.X509CertificateHolder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openprofiles.domain.certificate.pki.AcceptedKeys;
import org.openprofiles.domain.certificate.pki.AlternativeName;
import org.openprofiles.domain.certificate.pki.CertificateHolder;
import org.openprofiles.domain.certificate.pki.CertificateSettings;
import org.openprofiles.domain.certificate.pki.CertificateSigningRequest;
import org.openprofiles.domain.certificate.pki.EcCurve;
import org.openprofiles.domain.certificate.pki.IssuedCertificate;
import org.openprofiles.domain.certificate.pki.KeyGeneration;
import org.openprofiles.domain.certificate.pki.Pem;
import org.openprofiles.domain.certificate.pki.SignatureHash;
import org.openprofiles.domain.certificate.pki.SubjectTemplate;
import org.openprofiles.domain.certificate.pki.UserField;
import org.openprofiles.domain.shared.Invalid;

/** Certificates from clients' PKCS#10 requests: what is granted goes in, a request asking for more is refused. */
class IssueFromRequestTest {

    private static EmbeddedCertificateAuthority ca;
    private static X509Certificate issuing;

    private final CertificateSettings defaults = CertificateSettings.defaults();

    @BeforeAll
    static void startCa() {
        ca = TestCa.shared();
        issuing = TestCa.certificate(ca.caCertificates().issuing().der());
    }

    @Test
    void ecP256RequestGetsAOneYearClientAuthenticationCertificateForTheUser() throws Exception {
        TestRequests request = TestRequests.ec("secp256r1");
        Instant before = Instant.now();
        IssuedCertificate issued = ca.issue(request.request(), TestCa.ann(), defaults);
        X509Certificate certificate = TestCa.certificate(issued.der());

        certificate.verify(issuing.getPublicKey());
        assertEquals(request.keys().getPublic(), certificate.getPublicKey());
        assertEquals("CN=ann", certificate.getSubjectX500Principal().getName());
        assertEquals("CN=ann", issued.subject());
        assertEquals(issuing.getSubjectX500Principal(), certificate.getIssuerX500Principal());
        assertEquals(ca.caCertificates().issuing().id(), issued.issuer());
        assertEquals(certificate.getSerialNumber(), issued.serial().value());
        assertEquals(-1, certificate.getBasicConstraints(), "not a CA");
        assertArrayEquals(
                new boolean[] {true, false, false, false, false, false, false, false, false},
                certificate.getKeyUsage(),
                "digital signature only: an EC key cannot encipher keys");
        assertEquals(List.of(KeyPurposeId.id_kp_clientAuth.getId()), certificate.getExtendedKeyUsage());
        assertEquals(null, certificate.getSubjectAlternativeNames());
        assertEquals("SHA256withECDSA", certificate.getSigAlgName());
        Instant after = Instant.now();
        Instant notAfter = certificate.getNotAfter().toInstant();
        assertFalse(
                notAfter.isBefore(before.plus(Duration.ofDays(365)).minusSeconds(1))
                        || notAfter.isAfter(after.plus(Duration.ofDays(365))),
                "valid for one year from issuance: " + notAfter);
        assertFalse(certificate.getNotBefore().toInstant().isAfter(before), "valid from the moment it is issued");
        assertEquals(issued.notAfter(), certificate.getNotAfter().toInstant());
    }

    @Test
    void issuedCertificatesPointRelyingPartiesAtTheIssuerItsCrlAndOcsp() throws Exception {
        IssuedCertificate issued = ca.issue(TestRequests.ec("secp256r1").request(), TestCa.ann(), defaults);
        X509CertificateHolder certificate = new X509CertificateHolder(issued.der());
        String id = issued.issuer().value();

        CRLDistPoint crl = CRLDistPoint.fromExtensions(certificate.getExtensions());
        GeneralName crlUrl = GeneralNames.getInstance(
                        crl.getDistributionPoints()[0].getDistributionPoint().getName())
                .getNames()[0];
        assertEquals(
                TestCa.BASE_URL + "/pki/crl/" + id + ".crl", crlUrl.getName().toString());
        AuthorityInformationAccess access = AuthorityInformationAccess.fromExtensions(certificate.getExtensions());
        List<String> urls = new ArrayList<>();
        for (AccessDescription description : access.getAccessDescriptions()) {
            urls.add(description.getAccessMethod().getId() + " "
                    + description.getAccessLocation().getName());
        }
        assertEquals(
                List.of(
                        AccessDescription.id_ad_caIssuers.getId() + " " + TestCa.BASE_URL + "/pki/ca/" + id + ".crt",
                        AccessDescription.id_ad_ocsp.getId() + " " + TestCa.BASE_URL + "/pki/ocsp"),
                urls);
        assertArrayEquals(Bc.keyIdentifier(Bc.holder(issuing)), Bc.authorityKeyIdentifier(certificate));
        assertTrue(certificate.getExtension(Extension.subjectKeyIdentifier) != null);
        assertTrue(certificate.getExtension(Extension.keyUsage).isCritical());
        assertTrue(certificate.getExtension(Extension.basicConstraints).isCritical());
    }

    @Test
    void rsa2048RequestAlsoGetsKeyEncipherment() throws Exception {
        TestRequests request = TestRequests.of(TestCa.rsa2048());
        X509Certificate certificate = TestCa.certificate(
                ca.issue(request.request(), TestCa.ann(), defaults).der());

        certificate.verify(issuing.getPublicKey());
        assertEquals(request.keys().getPublic(), certificate.getPublicKey());
        assertTrue(
                certificate.getKeyUsage()[0] && certificate.getKeyUsage()[2], "digital signature and key encipherment");
    }

    @Test
    void templateBuildsSubjectAndAlternativeNamesFromTheUsersRecord() throws Exception {
        CertificateSettings settings = CertificateSettings.builder()
                .subject(new SubjectTemplate(
                        UserField.DISPLAY_NAME, Optional.of("Staff"), Optional.of("Example"), Optional.of("NL")))
                .alternativeNames(Set.of(AlternativeName.Type.EMAIL, AlternativeName.Type.UPN))
                .extendedKeyUsages(Set.of(
                        org.openprofiles.domain.certificate.pki.ExtendedKeyUsage.CLIENT_AUTH,
                        org.openprofiles.domain.certificate.pki.ExtendedKeyUsage.SECURE_EMAIL,
                        org.openprofiles.domain.certificate.pki.ExtendedKeyUsage.SMART_CARD_LOGON))
                .signatureHash(SignatureHash.SHA384)
                .build();
        TestRequests request = TestRequests.ec("secp384r1").subject("C=NL,O=Example,OU=Staff,CN=Ann Smith");

        IssuedCertificate issued = ca.issue(request.request(), TestCa.ann(), settings);
        X509CertificateHolder certificate = new X509CertificateHolder(issued.der());

        assertEquals("CN=Ann Smith,OU=Staff,O=Example,C=NL", issued.subject());
        assertEquals(
                "CN=Ann Smith,OU=Staff,O=Example,C=NL",
                TestCa.certificate(issued.der()).getSubjectX500Principal().getName());
        GeneralName[] names = GeneralNames.fromExtensions(certificate.getExtensions(), Extension.subjectAlternativeName)
                .getNames();
        assertEquals(2, names.length);
        assertEquals(GeneralName.rfc822Name, names[0].getTagNo());
        assertEquals("ann@example.org", names[0].getName().toString());
        OtherName upn = OtherName.getInstance(names[1].getName());
        assertEquals("1.3.6.1.4.1.311.20.2.3", upn.getTypeID().getId());
        assertEquals(
                "ann@corp.example.org",
                DERUTF8String.getInstance(upn.getValue()).getString());
        assertFalse(certificate.getExtension(Extension.subjectAlternativeName).isCritical());
        ExtendedKeyUsage usages = ExtendedKeyUsage.fromExtensions(certificate.getExtensions());
        assertTrue(usages.hasKeyPurposeId(KeyPurposeId.id_kp_clientAuth));
        assertTrue(usages.hasKeyPurposeId(KeyPurposeId.id_kp_emailProtection));
        assertTrue(
                usages.hasKeyPurposeId(KeyPurposeId.getInstance(new ASN1ObjectIdentifier("1.3.6.1.4.1.311.20.2.2"))));
        assertEquals("SHA384withECDSA", TestCa.certificate(issued.der()).getSigAlgName());
    }

    @Test
    void requestMayRepeatWhatIsGrantedInAnyCaseOrAskForNothing() {
        CertificateHolder ann = TestCa.ann();
        assertEquals(
                "CN=ann",
                ca.issue(TestRequests.ec("secp256r1").subject("CN=ANN").request(), ann, defaults)
                        .subject());
        assertEquals(
                "CN=ann",
                ca.issue(TestRequests.ec("secp256r1").subject("").request(), ann, defaults)
                        .subject());
        TestRequests withGrantedExtensions = TestRequests.ec("secp256r1")
                .extension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                .extension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth))
                .extension(Extension.basicConstraints, true, new BasicConstraints(false));
        assertEquals(
                "CN=ann",
                ca.issue(withGrantedExtensions.request(), ann, defaults).subject());
    }

    @Test
    void subjectAskingForMoreThanGrantedIsRefusedNamingTheRule() {
        Invalid refused = assertThrows(
                Invalid.class,
                () -> ca.issue(
                        TestRequests.ec("secp256r1")
                                .subject("CN=ann,O=Evil Corp")
                                .request(),
                        TestCa.ann(),
                        defaults));

        assertEquals("csr_subject_not_granted", refused.code());
        assertEquals(Optional.of(TestRequests.FIELD), refused.field());
        assertTrue(refused.getMessage().contains("O=Evil Corp"), refused.getMessage());
        Invalid otherUser = assertThrows(
                Invalid.class,
                () -> ca.issue(
                        TestRequests.ec("secp256r1").subject("CN=administrator").request(), TestCa.ann(), defaults));
        assertEquals("csr_subject_not_granted", otherUser.code());
    }

    @Test
    void extensionsAskingForMoreAreRefusedEachNamingItsRule() {
        TestRequests greedy = TestRequests.ec("secp256r1")
                .extension(
                        Extension.subjectAlternativeName,
                        false,
                        new GeneralNames(new GeneralName(GeneralName.dNSName, "www.example.org")))
                .extension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyCertSign))
                .extension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
                .extension(Extension.basicConstraints, true, new BasicConstraints(true));

        Invalid refused = assertThrows(Invalid.class, () -> ca.issue(greedy.request(), TestCa.ann(), defaults));

        assertEquals(
                List.of(
                        "csr_alternative_name_not_granted",
                        "csr_key_usage_not_granted",
                        "csr_extended_key_usage_not_granted",
                        "csr_ca_not_allowed"),
                refused.violations().stream().map(Invalid.Violation::code).toList());
        assertTrue(refused.violations().stream().allMatch(v -> v.field().equals(TestRequests.FIELD)));
        assertTrue(refused.violations().get(0).message().contains("www.example.org"));
    }

    @Test
    void emailAddressTheTemplateDoesNotGrantIsRefused() {
        TestRequests request = TestRequests.ec("secp256r1")
                .extension(
                        Extension.subjectAlternativeName,
                        false,
                        new GeneralNames(new GeneralName(GeneralName.rfc822Name, "ann@example.org")));
        assertEquals(
                "csr_alternative_name_not_granted",
                assertThrows(Invalid.class, () -> ca.issue(request.request(), TestCa.ann(), defaults))
                        .code());
    }

    @Test
    void requestWhoseSignatureDoesNotVerifyIsRefused() {
        Invalid refused = assertThrows(
                Invalid.class,
                () -> ca.issue(TestRequests.ec("secp256r1").tampered().request(), TestCa.ann(), defaults));
        assertEquals("csr_signature_invalid", refused.code());
        assertEquals(Optional.of(TestRequests.FIELD), refused.field());
    }

    @Test
    void keysWeakerOrOtherThanTheTemplateAcceptsAreRefused() {
        assertEquals(
                "csr_key_too_weak",
                assertThrows(
                                Invalid.class,
                                () -> ca.issue(TestRequests.rsa(1024).request(), TestCa.ann(), defaults))
                        .code());
        CertificateSettings p256Only = CertificateSettings.builder()
                .acceptedKeys(new AcceptedKeys(false, 2048, Set.of(EcCurve.P256)))
                .build();
        assertEquals(
                "csr_key_algorithm_not_allowed",
                assertThrows(
                                Invalid.class,
                                () -> ca.issue(TestRequests.ec("secp384r1").request(), TestCa.ann(), p256Only))
                        .code());
        assertEquals(
                "csr_key_algorithm_not_allowed",
                assertThrows(
                                Invalid.class,
                                () -> ca.issue(TestRequests.of(TestCa.rsa2048()).request(), TestCa.ann(), p256Only))
                        .code());
        CertificateSettings rsa3072 = CertificateSettings.builder()
                .acceptedKeys(new AcceptedKeys(true, 3072, Set.of(EcCurve.P256)))
                .build();
        Invalid tooWeak = assertThrows(
                Invalid.class, () -> ca.issue(TestRequests.of(TestCa.rsa2048()).request(), TestCa.ann(), rsa3072));
        assertEquals("csr_key_too_weak", tooWeak.code());
        assertTrue(tooWeak.getMessage().contains("3072"), tooWeak.getMessage());
    }

    @Test
    void keysOnCurvesOutsideTheNistSetAreRefused() throws Exception {
        java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("EC", Bc.PROVIDER);
        generator.initialize(new java.security.spec.ECGenParameterSpec("secp256k1"));
        TestRequests bitcoinCurve = TestRequests.of(generator.generateKeyPair());
        Invalid refused = assertThrows(Invalid.class, () -> ca.issue(bitcoinCurve.request(), TestCa.ann(), defaults));
        assertEquals("csr_key_algorithm_not_allowed", refused.code());
    }

    @Test
    void requestSignedWithSha1IsRefused() {
        TestRequests request = TestRequests.of(TestCa.rsa2048()).signedWith("SHA1withRSA");
        assertEquals(
                "csr_signature_algorithm_not_allowed",
                assertThrows(Invalid.class, () -> ca.issue(request.request(), TestCa.ann(), defaults))
                        .code());
    }

    @Test
    void bytesThatAreNoRequestAreMalformed() {
        Invalid refused = assertThrows(
                Invalid.class,
                () -> ca.issue(
                        new CertificateSigningRequest(new byte[] {0x30, 0x03, 0x02, 0x01, 0x01}, "csr"),
                        TestCa.ann(),
                        defaults));
        assertEquals("csr_malformed", refused.code());
        assertEquals(Optional.of("csr"), refused.field());
    }

    @Test
    void requestSentAsPemIsIssued() {
        String pem =
                Pem.encode("CERTIFICATE REQUEST", TestRequests.ec("secp256r1").der());
        assertEquals(
                "CN=ann",
                ca.issue(CertificateSigningRequest.fromText(pem, "csr"), TestCa.ann(), defaults)
                        .subject());
    }

    @Test
    void templateWhereTheServerMakesKeysRefusesRequests() {
        CertificateSettings serverKeys = CertificateSettings.builder()
                .keyGeneration(KeyGeneration.SERVER)
                .build();
        assertEquals(
                "key_generated_by_server",
                assertThrows(
                                Invalid.class,
                                () -> ca.issue(TestRequests.ec("secp256r1").request(), TestCa.ann(), serverKeys))
                        .code());
    }

    @Test
    void userWithoutTheFieldTheTemplateNeedsIsRefused() {
        CertificateSettings emailInSan = CertificateSettings.builder()
                .alternativeNames(Set.of(AlternativeName.Type.EMAIL))
                .build();
        Invalid refused = assertThrows(
                Invalid.class,
                () -> ca.issue(TestRequests.ec("secp256r1").request(), CertificateHolder.of("bob", "Bob"), emailInSan));
        assertEquals("holder_field_missing", refused.code());
        assertEquals(Optional.of("email"), refused.field());
    }
}
