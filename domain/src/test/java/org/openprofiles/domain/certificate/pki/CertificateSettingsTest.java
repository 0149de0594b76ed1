package org.openprofiles.domain.certificate.pki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openprofiles.domain.shared.Invalid;

class CertificateSettingsTest {

    private static List<String> codes(Invalid invalid) {
        return invalid.violations().stream()
                .map(v -> v.code() + "@" + v.field())
                .toList();
    }

    @Test
    void defaultsAreAOneYearClientAuthenticationCertificateFromTheClientsP256OrRsa2048Key() {
        CertificateSettings defaults = CertificateSettings.defaults();

        assertEquals(KeyGeneration.CLIENT, defaults.keyGeneration());
        assertEquals(KeyType.ec(EcCurve.P256), defaults.keyType());
        assertTrue(defaults.acceptedKeys().accepts(KeyType.rsa(2048)));
        assertTrue(defaults.acceptedKeys().accepts(KeyType.ec(EcCurve.P256)));
        assertFalse(defaults.acceptedKeys().accepts(KeyType.rsa(1024)));
        assertEquals(SignatureHash.SHA256, defaults.signatureHash());
        assertEquals(Duration.ofDays(365), defaults.validity());
        assertEquals(Set.of(ExtendedKeyUsage.CLIENT_AUTH), defaults.extendedKeyUsages());
        assertEquals(SubjectTemplate.standard(), defaults.subject());
        assertFalse(defaults.archiveKeys());
        assertTrue(defaults.revokesOn(RevocationTrigger.DISABLE)
                && defaults.revokesOn(RevocationTrigger.RETIRE)
                && defaults.revokesOn(RevocationTrigger.RECOVER));
        assertFalse(defaults.revokesOn(RevocationTrigger.RENEW));
        assertEquals(
                defaults,
                new CertificateSettings(null, null, null, null, null, null, null, null, null, false, null),
                "parts left out take the defaults");
    }

    @Test
    void everyBrokenRuleIsReportedAtOnceNamingItsField() {
        Invalid invalid = assertThrows(
                Invalid.class,
                () -> CertificateSettings.builder()
                        .keyGeneration(KeyGeneration.CLIENT)
                        .archiveKeys(true)
                        .validity(Duration.ofMinutes(5))
                        .keyUsages(Set.of(KeyUsage.KEY_CERT_SIGN))
                        .extendedKeyUsages(Set.of())
                        .build());

        assertEquals(
                List.of(
                        "validity_out_of_range@certificateSettings.validity",
                        "key_usage_required@certificateSettings.keyUsages",
                        "key_usage_not_for_users@certificateSettings.keyUsages",
                        "extended_key_usage_required@certificateSettings.extendedKeyUsages",
                        "archive_needs_server_key@certificateSettings.archiveKeys"),
                codes(invalid));
    }

    @Test
    void emailAndSmartCardUsagesNeedTheMatchingAlternativeName() {
        Invalid invalid = assertThrows(
                Invalid.class,
                () -> CertificateSettings.builder()
                        .extendedKeyUsages(Set.of(ExtendedKeyUsage.SECURE_EMAIL, ExtendedKeyUsage.SMART_CARD_LOGON))
                        .build());
        assertEquals(
                List.of(
                        "secure_email_needs_email@certificateSettings.alternativeNames",
                        "smart_card_logon_needs_upn@certificateSettings.alternativeNames"),
                codes(invalid));

        CertificateSettings fine = CertificateSettings.builder()
                .extendedKeyUsages(Set.of(ExtendedKeyUsage.SECURE_EMAIL, ExtendedKeyUsage.SMART_CARD_LOGON))
                .alternativeNames(Set.of(AlternativeName.Type.EMAIL, AlternativeName.Type.UPN))
                .build();
        assertEquals(Set.of(AlternativeName.Type.EMAIL, AlternativeName.Type.UPN), fine.alternativeNames());
    }

    @Test
    void keyRulesKeepAdviceAcceptedAndServerKeysAffordable() {
        assertEquals(
                List.of("key_type_not_accepted@certificateSettings.keyType"),
                codes(assertThrows(
                        Invalid.class,
                        () -> CertificateSettings.builder()
                                .acceptedKeys(new AcceptedKeys(true, 2048, Set.of()))
                                .build())));
        assertEquals(
                List.of("key_size_not_generated@certificateSettings.keyType"),
                codes(assertThrows(
                        Invalid.class,
                        () -> CertificateSettings.builder()
                                .keyGeneration(KeyGeneration.SERVER)
                                .keyType(KeyType.rsa(8192))
                                .build())));
        assertEquals(
                List.of("rsa_minimum_out_of_range@certificateSettings.acceptedKeys.minimumRsaBits"),
                codes(assertThrows(
                        Invalid.class,
                        () -> CertificateSettings.builder()
                                .acceptedKeys(new AcceptedKeys(true, 1024, Set.of(EcCurve.P256)))
                                .build())));
        assertEquals(
                List.of("no_key_accepted@certificateSettings.acceptedKeys"),
                codes(assertThrows(
                        Invalid.class,
                        () -> CertificateSettings.builder()
                                .keyGeneration(KeyGeneration.SERVER)
                                .acceptedKeys(new AcceptedKeys(false, 2048, Set.of()))
                                .build())));
        assertEquals(
                List.of("alternative_name_not_supported@certificateSettings.alternativeNames"),
                codes(assertThrows(
                        Invalid.class,
                        () -> CertificateSettings.builder()
                                .alternativeNames(Set.of(AlternativeName.Type.DNS))
                                .build())));
        assertEquals(
                List.of("invalid_country@certificateSettings.subject.country"),
                codes(assertThrows(
                        Invalid.class,
                        () -> CertificateSettings.builder()
                                .subject(new SubjectTemplate(
                                        UserField.LOGIN,
                                        Optional.empty(),
                                        Optional.empty(),
                                        Optional.of("Netherlands")))
                                .build())));
    }

    @Test
    void contentIsBuiltFromTheHolderWithOnlyTheUsagesTheKeyCanPerform() {
        CertificateSettings settings = CertificateSettings.builder()
                .subject(new SubjectTemplate(
                        UserField.DISPLAY_NAME, Optional.of("Staff"), Optional.of("Example"), Optional.of("NL")))
                .alternativeNames(Set.of(AlternativeName.Type.UPN, AlternativeName.Type.EMAIL))
                .keyUsages(Set.of(KeyUsage.DIGITAL_SIGNATURE, KeyUsage.KEY_ENCIPHERMENT, KeyUsage.KEY_AGREEMENT))
                .build();
        CertificateHolder ann = CertificateHolder.of("ann", "Ann, Smith")
                .withEmail("ann@example.org")
                .withUserPrincipalName("ann@corp");

        CertificateContent ec = settings.contentFor(ann, KeyAlgorithm.EC);
        CertificateContent rsa = settings.contentFor(ann, KeyAlgorithm.RSA);

        assertEquals("CN=Ann\\, Smith,OU=Staff,O=Example,C=NL", ec.subject().toString());
        assertEquals(
                List.of(
                        new AlternativeName(AlternativeName.Type.EMAIL, "ann@example.org"),
                        new AlternativeName(AlternativeName.Type.UPN, "ann@corp")),
                ec.alternativeNames());
        assertEquals(Set.of(KeyUsage.DIGITAL_SIGNATURE, KeyUsage.KEY_AGREEMENT), ec.keyUsages());
        assertEquals(Set.of(KeyUsage.DIGITAL_SIGNATURE, KeyUsage.KEY_ENCIPHERMENT), rsa.keyUsages());
        Invalid missing = assertThrows(
                Invalid.class, () -> settings.contentFor(CertificateHolder.of("bob", "Bob"), KeyAlgorithm.EC));
        assertEquals("holder_field_missing", missing.code());
        assertEquals(Optional.of("email"), missing.field());
    }

    @Test
    void commonNameLongerThanX520AllowsIsRefused() {
        Invalid invalid = assertThrows(
                Invalid.class,
                () -> CertificateSettings.builder()
                        .subject(new SubjectTemplate(
                                UserField.DISPLAY_NAME, Optional.empty(), Optional.empty(), Optional.empty()))
                        .build()
                        .contentFor(CertificateHolder.of("ann", "A".repeat(65)), KeyAlgorithm.EC));
        assertEquals("subject_value_too_long", invalid.code());
        assertEquals(Optional.of("displayName"), invalid.field());
    }
}
