package org.openprofiles.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openprofiles.domain.certificate.CertificateProfile;
import org.openprofiles.domain.certificate.CertificateRequest;
import org.openprofiles.domain.certificate.CertificateRequests;
import org.openprofiles.domain.certificate.ProfileTemplate;
import org.openprofiles.domain.certificate.RequestId;
import org.openprofiles.domain.certificate.RequestStatus;
import org.openprofiles.domain.certificate.RequestType;
import org.openprofiles.domain.security.Role;
import org.openprofiles.domain.security.UserId;
import org.openprofiles.domain.shared.PageRequest;

/**
 * The contract of {@link CertificateRequests}: requests come back as stored, an update stores
 * status, completion time and created profile, each approver decides once and approvals count
 * distinct approvers who approved, an Idempotency-Key is claimed once per user (a concurrent claim
 * waits for the first unit of work), a requester's list is in submission order with status and
 * type filters, and the approvers' queue holds exactly the Pending requests an approver may decide.
 */
public abstract class CertificateRequestsContract extends StorageContract {

    private static final Optional<Role> APPROVER = Optional.of(Role.CM_APPROVER);

    private CertificateRequests requests() {
        return storage().certificateRequests();
    }

    private UserId user() {
        return fixtures().user().id();
    }

    /** A stored request of {@code type} in {@code status} on a fresh profile of {@code originator}. */
    private CertificateRequest stored(UserId originator, RequestType type, RequestStatus status, Instant at) {
        CertificateProfile profile =
                fixtures().storedProfile(originator, fixtures().template());
        CertificateRequest request = new CertificateRequest(
                RequestId.random(),
                type,
                status,
                originator,
                originator,
                profile.template(),
                Optional.of(profile.id()),
                Optional.empty(),
                List.of(),
                "",
                0,
                at,
                Optional.empty(),
                status == RequestStatus.PENDING
                        ? new CertificateRequest.ApprovalRule(1, APPROVER)
                        : new CertificateRequest.ApprovalRule(0, Optional.empty()));
        requests().add(request);
        return request;
    }

    private CertificateRequest pending(UserId originator, Optional<Role> approverRole) {
        return fixtures().storedRequest(originator, 1, approverRole, Fixtures.NOW);
    }

    @Test
    void aRequestComesBackWithEveryFieldAsSubmitted() {
        UserId agent = user();
        UserId target = user();
        ProfileTemplate template = fixtures().template();
        CertificateRequest enroll = CertificateRequest.enroll(
                new CertificateRequest.ApprovalRule(2, APPROVER),
                agent,
                target,
                template.id(),
                List.of(
                        new CertificateRequest.DataItem("Department", "Finance"),
                        new CertificateRequest.DataItem("Room", "")),
                "for the new starter",
                3,
                Fixtures.NOW);
        requests().add(enroll);
        assertEquals(Optional.of(enroll), requests().find(enroll.id()));
        assertEquals(Optional.of(enroll), requests().lock(enroll.id()));

        CertificateRequest renew = fixtures().storedRequest(agent, 0, Optional.empty(), Fixtures.NOW);
        assertEquals(Optional.of(renew), requests().find(renew.id()));
        assertEquals(RequestStatus.APPROVED, renew.status());
    }

    @Test
    void anUnknownRequestIsNotFound() {
        RequestId unknown = RequestId.random();
        assertEquals(Optional.empty(), requests().find(unknown));
        assertEquals(Optional.empty(), requests().lock(unknown));
    }

    @Test
    void anUpdateStoresStatusCompletionTimeAndCreatedProfileAndNothingElse() {
        UserId originator = user();
        CertificateRequest stored = fixtures().storedRequest(originator, 0, Optional.empty(), Fixtures.NOW);
        CertificateProfile created =
                fixtures().storedProfile(originator, fixtures().template());
        CertificateRequest completed = stored.complete(Optional.of(created.id()), Fixtures.NOW.plusSeconds(30));
        CertificateRequest withOtherText = new CertificateRequest(
                completed.id(),
                completed.type(),
                completed.status(),
                completed.originator(),
                completed.target(),
                completed.template(),
                completed.oldProfile(),
                completed.newProfile(),
                List.of(new CertificateRequest.DataItem("added", "later")),
                "a comment the update does not store",
                9,
                completed.submitted(),
                completed.completed(),
                completed.approvalRule());
        requests().update(withOtherText);
        assertEquals(Optional.of(completed), requests().find(stored.id()));
    }

    @Test
    void eachApproverDecidesOnceAndApprovalsCountDistinctApproversWhoApproved() {
        UserId originator = user();
        CertificateRequest request = pending(originator, APPROVER);
        CertificateRequest other = pending(originator, APPROVER);
        UserId first = user();
        UserId second = user();
        UserId denier = user();
        assertEquals(0, requests().approvals(request.id()));
        assertTrue(requests().addDecision(request.id(), first, true, Fixtures.NOW));
        assertFalse(requests().addDecision(request.id(), first, true, Fixtures.NOW), "a second decision is refused");
        assertFalse(requests().addDecision(request.id(), first, false, Fixtures.NOW), "also when it says otherwise");
        assertTrue(requests().addDecision(request.id(), second, true, Fixtures.NOW));
        assertTrue(requests().addDecision(request.id(), denier, false, Fixtures.NOW));
        assertTrue(requests().addDecision(other.id(), first, true, Fixtures.NOW), "a decision is per request");
        assertEquals(2, requests().approvals(request.id()));
        assertEquals(1, requests().approvals(other.id()));
    }

    @Test
    void aNewKeyIsClaimedAndOnceBoundAnswersItsFirstUse() {
        UserId user = user();
        String key = "key-" + Fixtures.token();
        CertificateRequest request = storage().transactions().inTransaction(() -> {
            assertEquals(Optional.empty(), requests().claimKey(user, key, "fingerprint-1", Fixtures.NOW));
            CertificateRequest created = fixtures().storedRequest(user, 0, Optional.empty(), Fixtures.NOW);
            requests().bindKey(user, key, created.id());
            return created;
        });
        Optional<CertificateRequests.KeyUse> retry = storage()
                .transactions()
                .inTransaction(() -> requests().claimKey(user, key, "fingerprint-2", Fixtures.NOW.plusSeconds(5)));
        assertEquals(Optional.of(new CertificateRequests.KeyUse("fingerprint-1", request.id())), retry);
    }

    @Test
    void keysBelongToOneUser() {
        UserId user = user();
        UserId other = user();
        String key = "key-" + Fixtures.token();
        storage().transactions().run(() -> {
            requests().claimKey(user, key, "f", Fixtures.NOW);
            requests()
                    .bindKey(
                            user,
                            key,
                            fixtures()
                                    .storedRequest(user, 0, Optional.empty(), Fixtures.NOW)
                                    .id());
        });
        assertEquals(
                Optional.empty(),
                storage().transactions().inTransaction(() -> requests().claimKey(other, key, "f", Fixtures.NOW)));
    }

    @Test
    void aKeyClaimedInAUnitOfWorkThatRolledBackIsFreeAgain() {
        UserId user = user();
        String key = "key-" + Fixtures.token();
        assertThrows(
                IllegalStateException.class,
                () -> storage().transactions().run(() -> {
                    requests().claimKey(user, key, "f", Fixtures.NOW);
                    throw new IllegalStateException("creating the request failed");
                }));
        assertEquals(
                Optional.empty(),
                storage().transactions().inTransaction(() -> requests().claimKey(user, key, "g", Fixtures.NOW)));
    }

    @Test
    void aSecondClaimOfTheSameKeyWaitsForTheFirstUnitOfWorkAndAnswersItsRequest() throws Exception {
        UserId user = user();
        String key = "key-" + Fixtures.token();
        CertificateRequest[] created = new CertificateRequest[1];
        Optional<CertificateRequests.KeyUse> second = secondWaitsForTheFirst(
                () -> requests().claimKey(user, key, "first", Fixtures.NOW),
                claimed -> {
                    assertEquals(Optional.empty(), claimed);
                    created[0] = fixtures().storedRequest(user, 0, Optional.empty(), Fixtures.NOW);
                    requests().bindKey(user, key, created[0].id());
                },
                () -> requests().claimKey(user, key, "second", Fixtures.NOW));
        assertEquals(Optional.of(new CertificateRequests.KeyUse("first", created[0].id())), second);
    }

    @Test
    void aLockedRequestMakesASecondChangerWaitAndSeeTheFirstOnesChange() throws Exception {
        CertificateRequest stored = pending(user(), APPROVER);
        RequestStatus seen = secondWaitsForTheFirst(
                () -> requests().lock(stored.id()).orElseThrow(),
                locked -> requests().update(locked.end(RequestStatus.DENIED, Fixtures.NOW.plusSeconds(1))),
                () -> requests().lock(stored.id()).orElseThrow().status());
        assertEquals(RequestStatus.DENIED, seen);
    }

    @Test
    void aRequestersRequestsComeInSubmissionOrderAndPaged() {
        UserId originator = user();
        List<CertificateRequest> submitted = new ArrayList<>();
        // Stored in this order, though their submission times say otherwise: the order is the storage's.
        for (int seconds : List.of(30, 10, 20, 5, 40)) {
            submitted.add(fixtures().storedRequest(originator, 0, Optional.empty(), Fixtures.NOW.plusSeconds(seconds)));
        }
        fixtures().storedRequest(user(), 0, Optional.empty(), Fixtures.NOW);
        assertEquals(
                submitted,
                all(2, page -> requests().findByParticipant(originator, Optional.empty(), Optional.empty(), page)));
    }

    @Test
    void aRequestersRequestsFilterByStatusAndByType() {
        UserId originator = user();
        CertificateRequest renewPending = stored(originator, RequestType.RENEW, RequestStatus.PENDING, Fixtures.NOW);
        CertificateRequest disableCompleted =
                stored(originator, RequestType.DISABLE, RequestStatus.COMPLETED, Fixtures.NOW);
        CertificateRequest renewCompleted =
                stored(originator, RequestType.RENEW, RequestStatus.COMPLETED, Fixtures.NOW);
        CertificateRequest disablePending =
                stored(originator, RequestType.DISABLE, RequestStatus.PENDING, Fixtures.NOW);

        assertEquals(
                List.of(disableCompleted, renewCompleted),
                all(
                        1,
                        page -> requests()
                                .findByParticipant(
                                        originator, Optional.of(RequestStatus.COMPLETED), Optional.empty(), page)));
        assertEquals(
                List.of(disableCompleted, disablePending),
                all(
                        1,
                        page -> requests()
                                .findByParticipant(
                                        originator, Optional.empty(), Optional.of(RequestType.DISABLE), page)));
        assertEquals(
                List.of(renewPending),
                all(
                        1,
                        page -> requests()
                                .findByParticipant(
                                        originator,
                                        Optional.of(RequestStatus.PENDING),
                                        Optional.of(RequestType.RENEW),
                                        page)));
        assertEquals(
                List.of(),
                all(
                        1,
                        page -> requests()
                                .findByParticipant(
                                        originator, Optional.of(RequestStatus.DENIED), Optional.empty(), page)));
    }

    @Test
    void requestsAreListedUnderWhoSubmittedThemAndWhomTheyAreForEachOnce() {
        UserId agent = user();
        UserId owner = user();
        CertificateRequest forOwner = CertificateRequest.enroll(
                new CertificateRequest.ApprovalRule(0, Optional.empty()),
                agent,
                owner,
                fixtures().template().id(),
                List.of(),
                "",
                0,
                Fixtures.NOW);
        requests().add(forOwner);
        assertEquals(
                List.of(forOwner),
                all(10, page -> requests().findByParticipant(agent, Optional.empty(), Optional.empty(), page)));
        assertEquals(
                List.of(forOwner),
                all(10, page -> requests().findByParticipant(owner, Optional.empty(), Optional.empty(), page)));
        CertificateRequest own = fixtures().storedRequest(owner, 0, Optional.empty(), Fixtures.NOW);
        assertEquals(
                List.of(forOwner, own),
                all(1, page -> requests().findByParticipant(owner, Optional.empty(), Optional.empty(), page)),
                "submitted by and for the owner, merged in submission order");
        assertEquals(
                List.of(forOwner),
                all(
                        1,
                        page -> requests()
                                .findByParticipant(owner, Optional.empty(), Optional.of(RequestType.ENROLL), page)));
    }

    /** This test's requests in an approver's queue, in queue order. */
    private List<CertificateRequest> queue(UserId approver, Set<Role> roles, List<CertificateRequest> ours) {
        Set<RequestId> ids =
                Set.copyOf(ours.stream().map(CertificateRequest::id).toList());
        return all(1, page -> requests().findAwaitingDecision(approver, roles, page)).stream()
                .filter(r -> ids.contains(r.id()))
                .toList();
    }

    @Test
    void theApproversQueueHoldsThePendingRequestsOfTheirRolesInSubmissionOrder() {
        UserId approver = user();
        UserId requester = user();
        CertificateRequest first = pending(requester, APPROVER);
        CertificateRequest forAgents = pending(requester, Optional.of(Role.CM_AGENT));
        CertificateRequest second = pending(requester, APPROVER);
        List<CertificateRequest> ours = List.of(first, forAgents, second);

        assertEquals(List.of(first, second), queue(approver, Set.of(Role.CM_APPROVER), ours));
        assertEquals(List.of(forAgents), queue(approver, Set.of(Role.CM_AGENT), ours));
        assertEquals(ours, queue(approver, Set.of(Role.CM_APPROVER, Role.CM_AGENT), ours));
        assertTrue(
                requests()
                        .findAwaitingDecision(approver, Set.of(), PageRequest.first(10))
                        .isEmpty(),
                "no role, no queue");
    }

    @Test
    void theApproversQueueLeavesOutTheirOwnRequestsThoseForTheirProfilesThoseTheyDecidedAndThoseNoLongerPending() {
        UserId approver = user();
        UserId requester = user();
        CertificateRequest waiting = pending(requester, APPROVER);
        CertificateRequest own = pending(approver, APPROVER);
        CertificateRequest forApproversProfile = CertificateRequest.submit(
                RequestType.RENEW,
                new CertificateRequest.ApprovalRule(1, APPROVER),
                requester,
                fixtures().storedProfile(approver, fixtures().template()),
                List.of(),
                "an agent asks on the approver's behalf",
                0,
                Fixtures.NOW);
        requests().add(forApproversProfile);
        CertificateRequest decided = pending(requester, APPROVER);
        requests().addDecision(decided.id(), approver, true, Fixtures.NOW);
        CertificateRequest decidedByOthers = pending(requester, APPROVER);
        requests().addDecision(decidedByOthers.id(), user(), true, Fixtures.NOW);
        CertificateRequest denied = pending(requester, APPROVER);
        requests().update(denied.end(RequestStatus.DENIED, Fixtures.NOW));
        CertificateRequest approved = fixtures().storedRequest(requester, 0, Optional.empty(), Fixtures.NOW);
        List<CertificateRequest> ours =
                List.of(waiting, own, forApproversProfile, decided, decidedByOthers, denied, approved);

        assertEquals(List.of(waiting, decidedByOthers), queue(approver, Set.of(Role.CM_APPROVER), ours));
        assertEquals(
                List.of(waiting, own, forApproversProfile, decided, decidedByOthers),
                queue(user(), Set.of(Role.CM_APPROVER), ours),
                "what one approver submitted, owns or decided stays in everyone else's queue");
    }

    @Test
    void aCursorThisStorageDidNotIssueIsInvalid() {
        UserId user = user();
        assertForeignCursorsAreRefused(
                1, page -> requests().findByParticipant(user, Optional.empty(), Optional.empty(), page));
        assertForeignCursorsAreRefused(
                1, page -> requests().findAwaitingDecision(user, Set.of(Role.CM_APPROVER), page));
    }
}
