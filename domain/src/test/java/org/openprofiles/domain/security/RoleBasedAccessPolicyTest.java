package org.openprofiles.domain.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openprofiles.domain.shared.Forbidden;

class RoleBasedAccessPolicyTest {

    private final AccessPolicy policy = new RoleBasedAccessPolicy();
    private final UserId alice = UserId.random();
    private final UserId bob = UserId.random();

    private Principal as(UserId user, Role... roles) {
        return new Principal(user, Set.of(roles));
    }

    @Test
    void ownersMayReadTheirOwnCertificateProfilesButNotAnothersWithoutAnAgentRole() {
        Resource alicesProfiles = Resource.ownedBy("certificate-profile", alice);
        assertTrue(policy.permits(as(alice), Action.READ_CERTIFICATE_PROFILES, alicesProfiles));
        assertFalse(policy.permits(as(bob), Action.READ_CERTIFICATE_PROFILES, alicesProfiles));
        assertFalse(policy.permits(as(bob, Role.PROFILE_MANAGER), Action.READ_CERTIFICATE_PROFILES, alicesProfiles));
        assertTrue(policy.permits(as(bob, Role.CM_AGENT), Action.READ_CERTIFICATE_PROFILES, alicesProfiles));
    }

    @Test
    void adminMayDoEverything() {
        for (Action action : Action.values()) {
            assertTrue(policy.permits(as(bob, Role.ADMIN), action, Resource.ownedBy("x", alice)), action.name());
        }
    }

    @Test
    void administrationIsForAdminsOnly() {
        Principal everyOtherRole = as(bob, Role.PROFILE_MANAGER, Role.PROFILE_READER, Role.CM_AGENT, Role.CM_APPROVER);
        for (Action action : Set.of(
                Action.MANAGE_USERS,
                Action.READ_AUDIT,
                Action.MANAGE_SETTINGS,
                Action.MANAGE_PROFILE_TEMPLATES,
                Action.IMPORT_CERTIFICATE_PROFILES,
                Action.MANAGE_DIRECTORY)) {
            assertFalse(policy.permits(everyOtherRole, action, Resource.of("service")), action.name());
        }
    }

    @Test
    void accessProfilesAreReadByReadersAndManagersAndWrittenByManagersOnly() {
        Resource profiles = Resource.of("access-profile");
        assertTrue(policy.permits(as(bob, Role.PROFILE_READER), Action.READ_ACCESS_PROFILES, profiles));
        assertTrue(policy.permits(as(bob, Role.PROFILE_MANAGER), Action.READ_ACCESS_PROFILES, profiles));
        assertFalse(policy.permits(as(bob, Role.PROFILE_READER), Action.MANAGE_ACCESS_PROFILES, profiles));
        assertTrue(policy.permits(as(bob, Role.PROFILE_MANAGER), Action.MANAGE_ACCESS_PROFILES, profiles));
        assertFalse(policy.permits(as(bob), Action.READ_ACCESS_PROFILES, profiles));
    }

    @Test
    void metricsAreReadByMetricsReadersAndAdminsAndTheRoleGrantsNothingElse() {
        Resource metrics = Resource.of("metrics");
        assertTrue(policy.permits(as(bob, Role.METRICS_READER), Action.READ_METRICS, metrics));
        assertFalse(policy.permits(
                as(bob, Role.PROFILE_MANAGER, Role.PROFILE_READER, Role.CM_AGENT, Role.CM_APPROVER),
                Action.READ_METRICS,
                metrics));
        for (Action action : Action.values()) {
            if (action != Action.READ_METRICS) {
                assertFalse(
                        policy.permits(as(bob, Role.METRICS_READER), action, Resource.ownedBy("x", alice)),
                        action.name());
            }
        }
    }

    @Test
    void onlyApproversDecideCertificateRequests() {
        assertTrue(
                policy.permits(as(bob, Role.CM_APPROVER), Action.DECIDE_CERTIFICATE_REQUESTS, Resource.of("request")));
        assertFalse(policy.permits(as(bob, Role.CM_AGENT), Action.DECIDE_CERTIFICATE_REQUESTS, Resource.of("request")));
    }

    @Test
    void requestsAreReadAndCompletedByTheirOwnerOrAnAgentAndEndedByTheirOwnerOnly() {
        Resource alicesRequests = Resource.ownedBy("certificate-request", alice);
        for (Action action : Set.of(Action.READ_CERTIFICATE_REQUESTS, Action.COMPLETE_CERTIFICATE_REQUESTS)) {
            assertTrue(policy.permits(as(alice), action, alicesRequests), action.name());
            assertTrue(policy.permits(as(bob, Role.CM_AGENT), action, alicesRequests), action.name());
            assertFalse(policy.permits(as(bob, Role.CM_APPROVER), action, alicesRequests), action.name());
        }
        assertTrue(policy.permits(as(alice), Action.END_CERTIFICATE_REQUESTS, alicesRequests));
        assertFalse(policy.permits(as(bob, Role.CM_AGENT), Action.END_CERTIFICATE_REQUESTS, alicesRequests));
    }

    @Test
    void requireThrowsForbiddenNamingTheAction() {
        Forbidden failure =
                assertThrows(Forbidden.class, () -> policy.require(as(bob), Action.MANAGE_USERS, Resource.of("user")));
        assertEquals("not allowed to manage users on user", failure.getMessage());
    }
}
