package org.openprofiles.domain.certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openprofiles.domain.certificate.OperationRules.Verdict;
import org.openprofiles.domain.security.Principal;
import org.openprofiles.domain.security.Role;
import org.openprofiles.domain.security.UserId;

class OperationRulesEnrollTest {

    private final UserId alice = UserId.random();
    private final UserId bob = UserId.random();

    private static ProfileTemplate withEnroll(OperationPolicy policy) {
        return ProfileTemplate.create(
                TemplateId.random(),
                "t",
                "",
                1,
                Map.of(ProfileOperation.ENROLL, policy),
                PinPolicy.standard(),
                Instant.EPOCH);
    }

    @Test
    void ownersEnrollThemselvesWhenSelfServiceIsOnAndAgentsEnrollOthers() {
        ProfileTemplate template = withEnroll(OperationPolicy.selfService());
        assertEquals(Verdict.ALLOWED, OperationRules.enrollVerdict(template, new Principal(alice, Set.of()), alice));
        assertEquals(
                Verdict.NOT_PERMITTED_FOR_PRINCIPAL,
                OperationRules.enrollVerdict(template, new Principal(bob, Set.of()), alice));
    }

    @Test
    void aTemplateWithoutAnEnrollPolicyLetsNobodyEnroll() {
        ProfileTemplate template =
                ProfileTemplate.create(TemplateId.random(), "t", "", 1, Map.of(), PinPolicy.standard(), Instant.EPOCH);
        assertEquals(
                Verdict.NOT_ENABLED_BY_TEMPLATE,
                OperationRules.enrollVerdict(template, new Principal(alice, Set.of(Role.ADMIN)), alice));
    }

    @Test
    void noProfileEverOffersEnrollWhateverItsStatus() {
        ProfileTemplate template = withEnroll(OperationPolicy.selfService());
        for (ProfileStatus status : ProfileStatus.values()) {
            CertificateProfile profile = new CertificateProfile(
                    CertificateProfileId.random(),
                    status,
                    1,
                    Optional.empty(),
                    Optional.empty(),
                    alice,
                    template.id(),
                    1,
                    "",
                    Instant.EPOCH,
                    Instant.EPOCH);
            assertFalse(
                    OperationRules.offered(profile, template, new Principal(alice, Set.of()))
                            .contains(ProfileOperation.ENROLL),
                    status.name());
        }
    }
}
