package org.openprofiles.domain.certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openprofiles.domain.certificate.RequestEffect.Successor;
import org.openprofiles.domain.security.UserId;

/** The effects table: what each request type does to the profile it acts on and which successor it issues. */
class RequestEffectTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    private static CertificateProfile active() {
        return new CertificateProfile(
                CertificateProfileId.random(),
                ProfileStatus.ACTIVE,
                1,
                Optional.empty(),
                Optional.empty(),
                UserId.random(),
                TemplateId.random(),
                2,
                "",
                Instant.EPOCH,
                Instant.EPOCH);
    }

    @Test
    void eachTypeEndsTheActiveProfileInTheDocumentedStatusWithTheDocumentedSuccessor() {
        record Row(ProfileStatus after, Successor successor) {}
        Map<RequestType, Row> expected = Map.ofEntries(
                Map.entry(RequestType.RENEW, new Row(ProfileStatus.RETIRED, Successor.CHILD)),
                Map.entry(RequestType.RECOVER, new Row(ProfileStatus.DISABLED, Successor.CHILD)),
                Map.entry(RequestType.DUPLICATE, new Row(ProfileStatus.ACTIVE, Successor.COPY)),
                Map.entry(RequestType.DISABLE, new Row(ProfileStatus.DISABLED, Successor.NONE)),
                Map.entry(RequestType.RETIRE, new Row(ProfileStatus.RETIRED, Successor.NONE)),
                Map.entry(RequestType.SUSPENDORREINSTATE, new Row(ProfileStatus.SUSPENDED, Successor.NONE)),
                Map.entry(RequestType.UNBLOCK, new Row(ProfileStatus.ACTIVE, Successor.NONE)),
                Map.entry(RequestType.ONLINEUPDATE, new Row(ProfileStatus.ACTIVE, Successor.NONE)),
                Map.entry(RequestType.RECOVERONBEHALF, new Row(ProfileStatus.ACTIVE, Successor.NONE)),
                Map.entry(RequestType.REVOKE, new Row(ProfileStatus.DISABLED, Successor.NONE)));
        EnumSet<RequestType> covered = EnumSet.complementOf(EnumSet.of(RequestType.ENROLL));
        assertEquals(covered, EnumSet.copyOf(expected.keySet()), "every type acting on a profile has a row");
        expected.forEach((type, row) -> {
            CertificateProfile before = active();
            RequestEffect.Outcome outcome = RequestEffect.apply(type, before, 5, NOW);
            CertificateProfile changed = outcome.changed().orElseThrow();
            assertEquals(row.after(), changed.status(), type.name());
            assertEquals(NOW, changed.updatedAt(), type.name());
            assertEquals(row.successor(), RequestEffect.successorOf(type), type.name());
            switch (row.successor()) {
                case NONE -> assertTrue(outcome.issued().isEmpty(), type.name());
                case CHILD -> {
                    CertificateProfile child = outcome.issued().orElseThrow();
                    assertEquals(Optional.of(before.id()), child.parent(), type.name());
                    assertEquals(ProfileStatus.ACTIVE, child.status());
                    assertEquals(5, child.templateVersion(), "issued from the template's current version");
                    assertEquals(before.assignedUser(), child.assignedUser());
                }
                case COPY ->
                    assertEquals(
                            Optional.of(before.id()),
                            outcome.issued().orElseThrow().primary());
            }
        });
    }

    @Test
    void suspendOrReinstateReinstatesASuspendedProfile() {
        CertificateProfile suspended = active().withStatus(ProfileStatus.SUSPENDED, NOW);
        assertEquals(
                ProfileStatus.ACTIVE,
                RequestEffect.apply(RequestType.SUSPENDORREINSTATE, suspended, 1, NOW)
                        .changed()
                        .orElseThrow()
                        .status());
    }

    @Test
    void enrollIssuesAnActiveProfileForTheTargetFromTheCurrentTemplateVersion() {
        ProfileTemplate template =
                ProfileTemplate.create(TemplateId.random(), "t", "", 3, Map.of(), PinPolicy.standard(), Instant.EPOCH);
        UserId target = UserId.random();
        CertificateRequest request = CertificateRequest.enroll(
                new CertificateRequest.ApprovalRule(0, Optional.empty()),
                UserId.random(),
                target,
                template.id(),
                List.of(),
                "",
                0,
                NOW);
        RequestEffect.Outcome outcome = RequestEffect.enroll(request, template, NOW);
        CertificateProfile issued = outcome.issued().orElseThrow();
        assertTrue(outcome.changed().isEmpty());
        assertEquals(target, issued.assignedUser());
        assertEquals(3, issued.templateVersion());
        assertEquals(ProfileStatus.ACTIVE, issued.status());
        assertThrows(IllegalArgumentException.class, () -> RequestEffect.apply(RequestType.ENROLL, active(), 1, NOW));
    }
}
