package org.openprofiles.application.certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openprofiles.domain.certificate.pki.AcceptedKeys;
import org.openprofiles.domain.certificate.pki.CertificateSettings;
import org.openprofiles.domain.certificate.pki.EcCurve;
import org.openprofiles.domain.certificate.pki.KeyGeneration;
import org.openprofiles.domain.certificate.pki.KeyType;
import org.openprofiles.domain.certificate.pki.SubjectTemplate;
import org.openprofiles.domain.certificate.pki.UserField;
import org.openprofiles.domain.shared.Invalid;

class CertificateSettingsFieldsTest {

    @Test
    void noSettingsAreTheDefaultsAndTheDefaultsAreWrittenOutInFull() {
        assertEquals(CertificateSettings.defaults(), CertificateSettingsFields.read(null));
        Map<String, Object> written = CertificateSettingsFields.write(CertificateSettings.defaults());
        assertEquals("CLIENT", written.get("keyGeneration"));
        assertEquals("EC_P256", written.get("keyType"));
        assertEquals("P365D", written.get("validity"));
        assertEquals(List.of("CLIENT_AUTH"), written.get("extendedKeyUsages"));
        assertEquals(List.of("DISABLE", "RETIRE", "RECOVER"), written.get("revokeOn"));
    }

    @Test
    void everySettingSurvivesWritingAndReading() {
        CertificateSettings settings = CertificateSettings.builder()
                .keyGeneration(KeyGeneration.SERVER)
                .keyType(KeyType.rsa(4096))
                .acceptedKeys(new AcceptedKeys(true, 3072, Set.of(EcCurve.P521)))
                .validity(Duration.ofHours(12))
                .subject(new SubjectTemplate(
                        UserField.EMAIL, Optional.empty(), Optional.of("Example"), Optional.empty()))
                .archiveKeys(true)
                .build();
        Map<String, Object> written = CertificateSettingsFields.write(settings);
        assertEquals("PT12H", written.get("validity"));
        assertEquals(settings, CertificateSettingsFields.read(written));
    }

    @Test
    void partsLeftOutTakeTheirDefaultsAndNamesAreReadInAnyCase() {
        CertificateSettings read = CertificateSettingsFields.read(Map.of(
                "keyType",
                "rsa-2048",
                "extendedKeyUsages",
                List.of("client_auth", "Secure_Email"),
                "alternativeNames",
                List.of("email")));
        assertEquals(KeyType.rsa(2048), read.keyType());
        assertEquals(CertificateSettings.DEFAULT_VALIDITY, read.validity());
        assertTrue(
                read.alternativeNames().contains(org.openprofiles.domain.certificate.pki.AlternativeName.Type.EMAIL));
    }

    @Test
    void everyMisfitIsReportedAtOnceNamingItsField() {
        Invalid invalid = assertThrows(
                Invalid.class,
                () -> CertificateSettingsFields.read(Map.of(
                        "keyType", "DSA_1024",
                        "validity", "a year",
                        "keyUsages", "DIGITAL_SIGNATURE",
                        "colour", "blue",
                        "acceptedKeys", Map.of("curves", List.of("P192")))));
        List<String> fields = invalid.violations().stream()
                .map(Invalid.Violation::field)
                .sorted()
                .toList();
        assertEquals(
                List.of(
                        "certificateSettings.acceptedKeys.curves",
                        "certificateSettings.colour",
                        "certificateSettings.keyType",
                        "certificateSettings.keyUsages",
                        "certificateSettings.validity"),
                fields);
    }

    @Test
    void theDomainsRulesStillApplyAfterReading() {
        Invalid invalid = assertThrows(
                Invalid.class, () -> CertificateSettingsFields.read(Map.of("validity", "P5000D", "archiveKeys", true)));
        assertEquals(
                Set.of("validity_out_of_range", "archive_needs_server_key"),
                Set.copyOf(invalid.violations().stream()
                        .map(Invalid.Violation::code)
                        .toList()));
    }
}
