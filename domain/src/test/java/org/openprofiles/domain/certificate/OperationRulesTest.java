package org.openprofiles.domain.certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.openprofiles.domain.certificate.ProfileOperation.DISABLE;
import static org.openprofiles.domain.certificate.ProfileOperation.DUPLICATE;
import static org.openprofiles.domain.certificate.ProfileOperation.ONLINEUPDATE;
import static org.openprofiles.domain.certificate.ProfileOperation.RECOVER;
import static org.openprofiles.domain.certificate.ProfileOperation.RECOVERONBEHALF;
import static org.openprofiles.domain.certificate.ProfileOperation.REINSTATE;
import static org.openprofiles.domain.certificate.ProfileOperation.RENEW;
import static org.openprofiles.domain.certificate.ProfileOperation.RETIRE;
import static org.openprofiles.domain.certificate.ProfileOperation.REVOKE;
import static org.openprofiles.domain.certificate.ProfileOperation.SUSPEND;
import static org.openprofiles.domain.certificate.ProfileOperation.UNBLOCK;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openprofiles.domain.certificate.OperationRules.Verdict;
import org.openprofiles.domain.security.Principal;
import org.openprofiles.domain.security.Role;
import org.openprofiles.domain.security.UserId;

class OperationRulesTest {

    private static final UserId OWNER = UserId.random();
    private static final UserId OTHER = UserId.random();
    private static final Principal OWNER_PRINCIPAL = new Principal(OWNER, Set.of());
    private static final Principal AGENT = new Principal(OTHER, Set.of(Role.CM_AGENT));
    private static final Principal STRANGER = new Principal(OTHER, Set.of(Role.CM_APPROVER, Role.PROFILE_MANAGER));

    /** The documented status × operation table; docs/certificate-profiles.md shows the same. */
    private static final Map<ProfileStatus, Set<ProfileOperation>> EXPECTED = Map.of(
            ProfileStatus.NONE, EnumSet.noneOf(ProfileOperation.class),
            ProfileStatus.NEW, EnumSet.noneOf(ProfileOperation.class),
            ProfileStatus.ASSIGNED, EnumSet.noneOf(ProfileOperation.class),
            ProfileStatus.ACTIVE,
                    EnumSet.of(
                            RENEW,
                            DISABLE,
                            RECOVER,
                            RECOVERONBEHALF,
                            SUSPEND,
                            UNBLOCK,
                            ONLINEUPDATE,
                            DUPLICATE,
                            RETIRE,
                            REVOKE),
            ProfileStatus.SUSPENDED, EnumSet.of(DISABLE, RECOVERONBEHALF, REINSTATE, RETIRE, REVOKE),
            ProfileStatus.DISABLED, EnumSet.of(RECOVER, RECOVERONBEHALF, RETIRE),
            ProfileStatus.RETIRED, EnumSet.of(RECOVERONBEHALF));

    private static ProfileTemplate templateAllowingEverythingToOwnersAndAgents() {
        Map<ProfileOperation, OperationPolicy> policies = new EnumMap<>(ProfileOperation.class);
        for (ProfileOperation operation : ProfileOperation.values()) {
            policies.put(operation, OperationPolicy.selfService());
        }
        return ProfileTemplate.create(TemplateId.random(), "all", "", 1, policies, PinPolicy.standard(), Instant.EPOCH);
    }

    private static ProfileTemplate template(Map<ProfileOperation, OperationPolicy> policies) {
        return ProfileTemplate.create(TemplateId.random(), "t", "", 1, policies, PinPolicy.standard(), Instant.EPOCH);
    }

    private static CertificateProfile profile(ProfileStatus status, ProfileTemplate template) {
        return new CertificateProfile(
                CertificateProfileId.random(),
                status,
                1,
                Optional.empty(),
                Optional.empty(),
                OWNER,
                template.id(),
                1,
                "",
                Instant.EPOCH,
                Instant.EPOCH);
    }

    @ParameterizedTest
    @EnumSource(ProfileStatus.class)
    void everyCellOfTheStatusTableDecidesWhetherAnOperationIsPossible(ProfileStatus status) {
        ProfileTemplate template = templateAllowingEverythingToOwnersAndAgents();
        CertificateProfile profile = profile(status, template);
        for (ProfileOperation operation : ProfileOperation.values()) {
            boolean expected = EXPECTED.get(status).contains(operation);
            assertEquals(
                    expected ? Verdict.ALLOWED : Verdict.NOT_IN_THIS_STATUS,
                    OperationRules.verdict(profile, template, OWNER_PRINCIPAL, operation),
                    status + " × " + operation);
        }
        assertEquals(
                EXPECTED.get(status),
                OperationRules.possibleIn(status).isEmpty()
                        ? EnumSet.noneOf(ProfileOperation.class)
                        : EnumSet.copyOf(OperationRules.possibleIn(status)));
    }

    @Test
    void theDocumentsExamplePolicyOffersRenewDisableRecoverInThatOrder() {
        OperationPolicy owners = new OperationPolicy(true, true, Set.of(), 0, Optional.empty(), false);
        ProfileTemplate template = template(Map.of(RECOVER, owners, RENEW, owners, DISABLE, owners));
        assertEquals(
                List.of(RENEW, DISABLE, RECOVER),
                OperationRules.offered(profile(ProfileStatus.ACTIVE, template), template, OWNER_PRINCIPAL));
        ProfileTemplate third = template(Map.of(DISABLE, owners, RENEW, owners));
        assertEquals(
                List.of(RENEW, DISABLE),
                OperationRules.offered(profile(ProfileStatus.ACTIVE, third), third, OWNER_PRINCIPAL));
    }

    @Test
    void anOperationTheTemplateDoesNotEnableIsNeverOffered() {
        OperationPolicy disabled = new OperationPolicy(false, true, Set.of(Role.CM_AGENT), 0, Optional.empty(), false);
        ProfileTemplate template = template(Map.of(RENEW, disabled));
        CertificateProfile profile = profile(ProfileStatus.ACTIVE, template);
        assertEquals(
                Verdict.NOT_ENABLED_BY_TEMPLATE, OperationRules.verdict(profile, template, OWNER_PRINCIPAL, RENEW));
        assertEquals(Verdict.NOT_ENABLED_BY_TEMPLATE, OperationRules.verdict(profile, template, AGENT, DISABLE));
        assertEquals(List.of(), OperationRules.offered(profile, template, AGENT));
    }

    @Test
    void ownersGetOnlyWhatSelfServiceAllowsAndAgentsOnlyWhatTheirRoleMayDoOnBehalf() {
        OperationPolicy agentsOnly =
                new OperationPolicy(true, false, Set.of(Role.CM_AGENT), 0, Optional.empty(), false);
        OperationPolicy ownersOnly = new OperationPolicy(true, true, Set.of(), 0, Optional.empty(), false);
        ProfileTemplate template =
                template(Map.of(RENEW, ownersOnly, RECOVERONBEHALF, agentsOnly, DISABLE, agentsOnly));
        CertificateProfile profile = profile(ProfileStatus.ACTIVE, template);
        assertEquals(List.of(RENEW), OperationRules.offered(profile, template, OWNER_PRINCIPAL));
        assertEquals(List.of(DISABLE, RECOVERONBEHALF), OperationRules.offered(profile, template, AGENT));
        assertEquals(List.of(), OperationRules.offered(profile, template, STRANGER));
        assertEquals(Verdict.NOT_PERMITTED_FOR_PRINCIPAL, OperationRules.verdict(profile, template, STRANGER, RENEW));
        assertEquals(
                Verdict.NOT_PERMITTED_FOR_PRINCIPAL,
                OperationRules.verdict(profile, template, OWNER_PRINCIPAL, DISABLE));
    }

    @Test
    void anOwnerWhoIsAlsoAnAgentGetsBoth() {
        OperationPolicy agentsOnly =
                new OperationPolicy(true, false, Set.of(Role.CM_AGENT), 0, Optional.empty(), false);
        OperationPolicy ownersOnly = new OperationPolicy(true, true, Set.of(), 0, Optional.empty(), false);
        ProfileTemplate template = template(Map.of(RENEW, ownersOnly, DISABLE, agentsOnly));
        Principal ownerAgent = new Principal(OWNER, Set.of(Role.CM_AGENT));
        assertEquals(
                List.of(RENEW, DISABLE),
                OperationRules.offered(profile(ProfileStatus.ACTIVE, template), template, ownerAgent));
    }

    @Test
    void theStatusTableWinsOverThePolicy() {
        ProfileTemplate template = templateAllowingEverythingToOwnersAndAgents();
        assertEquals(
                List.of(RECOVERONBEHALF),
                OperationRules.offered(profile(ProfileStatus.RETIRED, template), template, AGENT));
        assertEquals(
                List.of(DISABLE, RECOVERONBEHALF, REINSTATE, RETIRE, REVOKE),
                OperationRules.offered(profile(ProfileStatus.SUSPENDED, template), template, OWNER_PRINCIPAL));
    }

    @Test
    void theCanonicalOrderStartsWithTheDocumentsExample() {
        assertEquals(
                List.of(RENEW, DISABLE, RECOVER),
                Arrays.asList(ProfileOperation.values()).subList(0, 3));
    }
}
