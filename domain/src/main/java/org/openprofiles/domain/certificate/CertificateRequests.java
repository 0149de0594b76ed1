package org.openprofiles.domain.certificate;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.openprofiles.domain.security.Role;
import org.openprofiles.domain.security.UserId;
import org.openprofiles.domain.shared.Page;
import org.openprofiles.domain.shared.PageRequest;

/** The certificate requests port. A user's requests (submitted by or for them) are listed in submission order. */
public interface CertificateRequests {

    Optional<CertificateRequest> find(RequestId id);

    /** The request, locked until the end of the current transaction so that one change at a time applies. */
    Optional<CertificateRequest> lock(RequestId id);

    void add(CertificateRequest request);

    /** Stores the request's new status, completion time and created profile. */
    void update(CertificateRequest request);

    /** Records an approver's decision; false when this approver has already decided on this request. */
    boolean addDecision(RequestId id, UserId approver, boolean approved, Instant at);

    /** How many distinct approvers have approved the request. */
    int approvals(RequestId id);

    /** What an Idempotency-Key was first used for: a fingerprint of the content and the request it created. */
    record KeyUse(String fingerprint, RequestId request) {}

    /**
     * Claims {@code key} for {@code user} in the current transaction: empty when the key is new (the
     * caller then creates the request and {@link #bindKey binds} it), else its first use. A concurrent
     * claim of the same key waits until the first one's transaction ends.
     */
    Optional<KeyUse> claimKey(UserId user, String key, String fingerprint, Instant now);

    /** Records the request a claimed key created. */
    void bindKey(UserId user, String key, RequestId request);

    /**
     * Requests {@code user} submitted or that are for {@code user} (its target: an agent's Enroll on
     * the user's behalf), each once, optionally of one status and one type, one page in submission order.
     */
    Page<CertificateRequest> findByParticipant(
            UserId user, Optional<RequestStatus> status, Optional<RequestType> type, PageRequest page);

    /**
     * Pending requests that {@code approver} may decide: the approver role of their rule is among
     * {@code roles}, {@code approver} did not submit them, they are not for {@code approver}'s own
     * profiles, and {@code approver} has not decided on them yet; one page
     * in submission order.
     */
    Page<CertificateRequest> findAwaitingDecision(UserId approver, Set<Role> roles, PageRequest page);
}
