package org.openprofiles.domain.certificate;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openprofiles.domain.security.AccessPolicy;
import org.openprofiles.domain.security.Principal;
import org.openprofiles.domain.security.Role;
import org.openprofiles.domain.security.RoleBasedAccessPolicy;
import org.openprofiles.domain.security.UserId;
import org.openprofiles.domain.shared.Conflict;
import org.openprofiles.domain.shared.DomainFailure;
import org.openprofiles.domain.shared.Forbidden;

/** Who may see, complete, end and decide a request, and in which status: the lifecycle guards, without storage. */
class CertificateRequestRulesTest {

    private static final AccessPolicy POLICY = new RoleBasedAccessPolicy();
    private static final UserId REQUESTER = UserId.random();
    private static final UserId OWNER = UserId.random();
    private static final Principal requester = new Principal(REQUESTER, Set.of());
    private static final Principal owner = new Principal(OWNER, Set.of());
    private static final Principal agent = new Principal(UserId.random(), Set.of(Role.CM_AGENT));
    private static final Principal approver = new Principal(UserId.random(), Set.of(Role.CM_APPROVER));
    private static final Principal stranger = new Principal(UserId.random(), Set.of(Role.PROFILE_MANAGER));
    private static final Principal admin = new Principal(UserId.random(), Set.of(Role.ADMIN));

    private static CertificateRequest request(RequestStatus status, int approvalsNeeded) {
        CertificateRequest.ApprovalRule rule = new CertificateRequest.ApprovalRule(
                approvalsNeeded, approvalsNeeded > 0 ? Optional.of(Role.CM_APPROVER) : Optional.empty());
        return new CertificateRequest(
                RequestId.random(),
                RequestType.RENEW,
                status,
                REQUESTER,
                OWNER,
                TemplateId.random(),
                Optional.of(CertificateProfileId.random()),
                Optional.empty(),
                List.of(),
                "",
                0,
                Instant.EPOCH,
                Optional.empty(),
                rule);
    }

    @Test
    void requesterOwnerAgentsAndApproversSeeARequestOthersDoNot() {
        CertificateRequest request = request(RequestStatus.PENDING, 1);
        for (Principal caller : List.of(requester, owner, agent, approver, admin)) {
            assertTrue(request.isVisibleTo(caller, POLICY), caller.toString());
        }
        assertFalse(request.isVisibleTo(stranger, POLICY));
    }

    @Test
    void onlyAnApprovedRequestCanBeCompletedAndOnlyByItsRequesterOrAnAgent() {
        CertificateRequest approved = request(RequestStatus.APPROVED, 0);
        assertDoesNotThrow(() -> approved.checkCompletableBy(requester, POLICY));
        assertDoesNotThrow(() -> approved.checkCompletableBy(agent, POLICY));
        assertFailure(Forbidden.class, "not_requester", () -> approved.checkCompletableBy(owner, POLICY));
        assertFailure(Forbidden.class, "not_requester", () -> approved.checkCompletableBy(approver, POLICY));
        for (RequestStatus status : List.of(
                RequestStatus.PENDING,
                RequestStatus.COMPLETED,
                RequestStatus.DENIED,
                RequestStatus.CANCELED,
                RequestStatus.FAILED)) {
            assertFailure(
                    Conflict.class,
                    "request_not_approved",
                    () -> request(status, 0).checkCompletableBy(requester, POLICY));
        }
    }

    @Test
    void onlyAnOpenRequestCanBeEndedAndOnlyByItsRequesterOrAnAdmin() {
        for (RequestStatus open : List.of(RequestStatus.PENDING, RequestStatus.APPROVED)) {
            assertDoesNotThrow(() -> request(open, 0).checkEndableBy(requester, POLICY));
            assertDoesNotThrow(() -> request(open, 0).checkEndableBy(admin, POLICY));
            assertFailure(
                    Forbidden.class, "not_requester", () -> request(open, 0).checkEndableBy(agent, POLICY));
            assertFailure(
                    Forbidden.class, "not_requester", () -> request(open, 0).checkEndableBy(owner, POLICY));
        }
        assertFailure(
                Conflict.class,
                "request_not_open",
                () -> request(RequestStatus.COMPLETED, 0).checkEndableBy(requester, POLICY));
    }

    @Test
    void aPendingRequestIsDecidedByAnApproverHoldingItsRoleNeverByItsRequester() {
        CertificateRequest pending = request(RequestStatus.PENDING, 2);
        assertDoesNotThrow(() -> pending.checkDecidableBy(approver, POLICY));
        assertDoesNotThrow(() -> pending.checkDecidableBy(admin, POLICY));
        assertFailure(Forbidden.class, "forbidden", () -> pending.checkDecidableBy(agent, POLICY));
        Principal approvingRequester = new Principal(REQUESTER, Set.of(Role.CM_APPROVER));
        assertFailure(Forbidden.class, "own_request", () -> pending.checkDecidableBy(approvingRequester, POLICY));
        Principal approvingOwner = new Principal(OWNER, Set.of(Role.CM_APPROVER));
        assertFailure(Forbidden.class, "own_profile", () -> pending.checkDecidableBy(approvingOwner, POLICY));
        CertificateRequest noApprovals = request(RequestStatus.PENDING, 0);
        assertFailure(Forbidden.class, "not_an_approver", () -> noApprovals.checkDecidableBy(approver, POLICY));
        assertFailure(
                Conflict.class,
                "request_not_pending",
                () -> request(RequestStatus.APPROVED, 2).checkDecidableBy(approver, POLICY));
    }

    @Test
    void aRequestStaysPendingUntilItsApprovalCountIsMet() {
        CertificateRequest pending = request(RequestStatus.PENDING, 2);
        assertEquals(RequestStatus.PENDING, pending.afterApprovals(1).status());
        assertEquals(RequestStatus.APPROVED, pending.afterApprovals(2).status());
    }

    private static void assertFailure(Class<? extends DomainFailure> kind, String code, Runnable check) {
        DomainFailure failure = assertThrows(kind, check::run);
        assertEquals(code, failure.code());
    }
}
