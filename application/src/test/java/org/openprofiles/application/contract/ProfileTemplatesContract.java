package org.openprofiles.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openprofiles.domain.certificate.DataCollectionItem;
import org.openprofiles.domain.certificate.OperationPolicy;
import org.openprofiles.domain.certificate.PinPolicy;
import org.openprofiles.domain.certificate.ProfileOperation;
import org.openprofiles.domain.certificate.ProfileTemplate;
import org.openprofiles.domain.certificate.ProfileTemplates;
import org.openprofiles.domain.certificate.TemplateId;
import org.openprofiles.domain.certificate.pki.AcceptedKeys;
import org.openprofiles.domain.certificate.pki.AlternativeName;
import org.openprofiles.domain.certificate.pki.CertificateSettings;
import org.openprofiles.domain.certificate.pki.EcCurve;
import org.openprofiles.domain.certificate.pki.ExtendedKeyUsage;
import org.openprofiles.domain.certificate.pki.KeyGeneration;
import org.openprofiles.domain.certificate.pki.KeyType;
import org.openprofiles.domain.certificate.pki.KeyUsage;
import org.openprofiles.domain.certificate.pki.RevocationTrigger;
import org.openprofiles.domain.certificate.pki.SignatureHash;
import org.openprofiles.domain.certificate.pki.SubjectTemplate;
import org.openprofiles.domain.certificate.pki.UserField;
import org.openprofiles.domain.security.Role;
import org.openprofiles.domain.shared.Conflict;
import org.openprofiles.domain.shared.NotFound;
import org.openprofiles.domain.shared.PreconditionFailed;

/**
 * The contract of {@link ProfileTemplates}: a template comes back with every policy and its PIN
 * policy, a taken id is a {@link Conflict}, an update needs the version it was based on
 * ({@link PreconditionFailed} otherwise, {@link NotFound} for a missing template) and replaces the
 * policies, and the list is ordered by name, then id, keyset-paged.
 */
public abstract class ProfileTemplatesContract extends StorageContract {

    private ProfileTemplates templates() {
        return storage().profileTemplates();
    }

    private static ProfileTemplate template(TemplateId id, String name) {
        OperationPolicy approved = new OperationPolicy(
                true, false, Set.of(Role.CM_AGENT, Role.ADMIN), 2, Optional.of(Role.CM_APPROVER), true);
        return ProfileTemplate.create(
                id,
                name,
                "issued to staff",
                8,
                Map.of(
                        ProfileOperation.RENEW,
                        OperationPolicy.selfService(),
                        ProfileOperation.RECOVERONBEHALF,
                        approved,
                        ProfileOperation.ENROLL,
                        new OperationPolicy(false, true, Set.of(), 0, Optional.empty(), false)),
                new PinPolicy(6, 8, true, false, true, false),
                Fixtures.NOW);
    }

    private ProfileTemplate stored(String name) {
        ProfileTemplate template = template(TemplateId.random(), name);
        templates().add(template);
        return template;
    }

    @Test
    void aTemplateComesBackWithEveryPolicyAndItsPinPolicy() {
        ProfileTemplate stored = stored("t" + Fixtures.token());
        assertEquals(Optional.of(stored), templates().find(stored.id()));
        assertEquals(Map.of(stored.id(), stored), templates().findAll(List.of(stored.id())));
    }

    @Test
    void certificateSettingsDataCollectionAndPinSourcesComeBackAsStored() {
        CertificateSettings settings = CertificateSettings.builder()
                .keyGeneration(KeyGeneration.SERVER)
                .keyType(KeyType.rsa(3072))
                .acceptedKeys(new AcceptedKeys(false, 2048, Set.of(EcCurve.P384)))
                .signatureHash(SignatureHash.SHA384)
                .validity(Duration.ofDays(90))
                .keyUsages(Set.of(KeyUsage.DIGITAL_SIGNATURE, KeyUsage.KEY_ENCIPHERMENT))
                .extendedKeyUsages(Set.of(ExtendedKeyUsage.SECURE_EMAIL, ExtendedKeyUsage.CLIENT_AUTH))
                .alternativeNames(Set.of(AlternativeName.Type.EMAIL))
                .subject(new SubjectTemplate(
                        UserField.DISPLAY_NAME, Optional.of("Staff"), Optional.of("Example"), Optional.of("NL")))
                .archiveKeys(true)
                .revokeOn(Set.of(RevocationTrigger.RENEW))
                .build();
        OperationPolicy collecting = new OperationPolicy(
                true,
                true,
                Set.of(),
                0,
                Optional.empty(),
                false,
                true,
                List.of(
                        DataCollectionItem.of("Request Reason", "why", true),
                        new DataCollectionItem("Cost centre", "", false, 12)));
        ProfileTemplate template = ProfileTemplate.create(
                TemplateId.random(),
                "t" + Fixtures.token(),
                "",
                1,
                Map.of(ProfileOperation.ENROLL, collecting),
                PinPolicy.standard(),
                settings,
                Fixtures.NOW);
        templates().add(template);
        assertEquals(Optional.of(template), templates().find(template.id()));
        ProfileTemplate revised =
                template.revise("renamed", "", template.policies(), PinPolicy.standard(), null, Fixtures.NOW);
        templates().update(revised, template.version());
        assertEquals(
                CertificateSettings.defaults(),
                templates().find(template.id()).orElseThrow().certificateSettings(),
                "settings are versioned with the template: a revision without them has the defaults");
    }

    @Test
    void anUnknownTemplateIsNotFound() {
        TemplateId unknown = TemplateId.random();
        assertEquals(Optional.empty(), templates().find(unknown));
        assertEquals(Map.of(), templates().findAll(List.of(unknown)));
        assertThrows(IllegalStateException.class, () -> templates().referenced(unknown));
    }

    @Test
    void findAllAnswersTheStoredTemplatesAmongTheIds() {
        ProfileTemplate a = stored("t" + Fixtures.token());
        ProfileTemplate b = stored("t" + Fixtures.token());
        TemplateId unknown = TemplateId.random();
        assertEquals(Map.of(a.id(), a, b.id(), b), templates().findAll(List.of(a.id(), unknown, b.id(), a.id())));
        assertEquals(Map.of(), templates().findAll(List.of()));
    }

    @Test
    void addingATemplateWhoseIdIsTakenIsAConflictAndKeepsTheFirst() {
        ProfileTemplate first = stored("t" + Fixtures.token());
        ProfileTemplate second = template(first.id(), "other" + Fixtures.token());
        assertThrows(Conflict.class, () -> templates().add(second));
        assertEquals(Optional.of(first), templates().find(first.id()));
    }

    @Test
    void anUpdateNeedsTheVersionItWasBasedOnAndReplacesContentAndPolicies() {
        ProfileTemplate stored = stored("t" + Fixtures.token());
        ProfileTemplate revised = stored.revise(
                "renamed" + Fixtures.token(),
                "now for contractors",
                Map.of(ProfileOperation.RETIRE, OperationPolicy.selfService()),
                PinPolicy.standard(),
                Fixtures.NOW.plusSeconds(60));

        assertThrows(PreconditionFailed.class, () -> templates().update(revised, stored.version() - 1));
        assertEquals(Optional.of(stored), templates().find(stored.id()));

        templates().update(revised, stored.version());
        ProfileTemplate read = templates().find(stored.id()).orElseThrow();
        assertEquals(revised, read);
        assertEquals(9, read.version());
        assertEquals(Set.of(ProfileOperation.RETIRE), read.policies().keySet());
        assertEquals(stored.createdAt(), read.createdAt());

        assertThrows(
                PreconditionFailed.class,
                () -> templates().update(revised.revise("again", "", Map.of(), null, Fixtures.NOW), stored.version()));
    }

    @Test
    void updatingATemplateThatIsNotStoredIsNotFound() {
        ProfileTemplate missing = template(TemplateId.random(), "t" + Fixtures.token());
        assertThrows(
                NotFound.class,
                () -> templates().update(missing.revise("x", "", Map.of(), null, Fixtures.NOW), missing.version()));
        assertTrue(templates().find(missing.id()).isEmpty());
    }

    @Test
    void theListIsOrderedByNameThenIdAndPaged() {
        String token = Fixtures.token();
        ProfileTemplate charlie = stored(token + "charlie");
        ProfileTemplate alphaF = template(new TemplateId(Fixtures.uuidStartingWith('f')), token + "alpha");
        ProfileTemplate alpha0 = template(new TemplateId(Fixtures.uuidStartingWith('0')), token + "alpha");
        templates().add(alphaF);
        templates().add(alpha0);
        ProfileTemplate bravo = stored(token + "bravo");

        List<ProfileTemplate> listed = all(2, page -> templates().list(page)).stream()
                .filter(t -> t.name().startsWith(token))
                .toList();
        assertEquals(List.of(alpha0, alphaF, bravo, charlie), listed);

        List<ProfileTemplate> everything = all(3, page -> templates().list(page));
        assertEquals(
                everything.stream()
                        .sorted(Comparator.comparing(ProfileTemplate::name).thenComparing(t -> t.id().toString()))
                        .toList(),
                everything,
                "every template, not only this test's, in name order");
    }

    @Test
    void aCursorThisStorageDidNotIssueIsInvalid() {
        assertForeignCursorsAreRefused(2, page -> templates().list(page));
    }
}
