package org.openprofiles.adapter.memory.certificate;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.openprofiles.adapter.memory.shared.MemoryTransactions;
import org.openprofiles.adapter.memory.shared.RecordedTable;
import org.openprofiles.adapter.memory.shared.Table;
import org.openprofiles.domain.certificate.CertificateRequest;
import org.openprofiles.domain.certificate.CertificateRequests;
import org.openprofiles.domain.certificate.RequestId;
import org.openprofiles.domain.certificate.RequestStatus;
import org.openprofiles.domain.certificate.RequestType;
import org.openprofiles.domain.security.Role;
import org.openprofiles.domain.security.UserId;
import org.openprofiles.domain.shared.Page;
import org.openprofiles.domain.shared.PageRequest;

/**
 * Certificate requests in submission order, the approvers' decisions (one per approver and
 * request) and the Idempotency-Keys each user has claimed.
 */
final class MemoryCertificateRequests implements CertificateRequests {

    /** Who decides on which request: at most one decision each. */
    private record DecisionKey(RequestId request, UserId approver) {}

    /** One approver's decision on one request. */
    private record Decision(RequestId request, UserId approver, boolean approved, Instant at) {}

    /** A key as one user claimed it. */
    private record ClaimedKey(UserId user, String key) {}

    /** What a claimed key was first used for; the request is bound after it is created. */
    private record KeyRow(String fingerprint, Optional<RequestId> request) {}

    private final MemoryTransactions transactions;
    private final RecordedTable<RequestId, CertificateRequest> requests;
    private final Table<DecisionKey, Decision> decisions;
    private final Table<ClaimedKey, KeyRow> keys;

    MemoryCertificateRequests(MemoryTransactions transactions) {
        this.transactions = transactions;
        this.requests = new RecordedTable<>(transactions);
        this.decisions = new Table<>(transactions);
        this.keys = new Table<>(transactions);
    }

    @Override
    public Optional<CertificateRequest> find(RequestId id) {
        return transactions.read(() -> requests.get(id));
    }

    @Override
    public Optional<CertificateRequest> lock(RequestId id) {
        // Asked as a change: the writers' lock is held until the unit of work ends.
        return transactions.write(() -> requests.get(id));
    }

    @Override
    public void add(CertificateRequest request) {
        transactions.write(() -> {
            requests.add(request.id(), request);
            return null;
        });
    }

    @Override
    public void update(CertificateRequest request) {
        transactions.write(() -> {
            requests.get(request.id())
                    .ifPresent(stored -> requests.replace(
                            request.id(),
                            new CertificateRequest(
                                    stored.id(),
                                    stored.type(),
                                    request.status(),
                                    stored.originator(),
                                    stored.target(),
                                    stored.template(),
                                    stored.oldProfile(),
                                    request.newProfile(),
                                    stored.dataCollection(),
                                    stored.comment(),
                                    stored.priority(),
                                    stored.submitted(),
                                    request.completed(),
                                    stored.approvalRule())));
            return null;
        });
    }

    @Override
    public boolean addDecision(RequestId id, UserId approver, boolean approved, Instant at) {
        return transactions.write(() -> {
            DecisionKey key = new DecisionKey(id, approver);
            if (decisions.contains(key)) {
                return false;
            }
            decisions.put(key, new Decision(id, approver, approved, at));
            return true;
        });
    }

    @Override
    public int approvals(RequestId id) {
        return transactions.read(() -> (int) decisions.rows().stream()
                .filter(d -> d.request().equals(id) && d.approved())
                .count());
    }

    @Override
    public Optional<KeyUse> claimKey(UserId user, String key, String fingerprint, Instant now) {
        // A change: a second claim of the same key waits for the first unit of work to end.
        return transactions.write(() -> {
            ClaimedKey claimed = new ClaimedKey(user, key);
            Optional<KeyRow> first = keys.get(claimed);
            if (first.isEmpty()) {
                keys.put(claimed, new KeyRow(fingerprint, Optional.empty()));
                return Optional.<KeyUse>empty();
            }
            RequestId request = first.get()
                    .request()
                    .orElseThrow(() -> new IllegalStateException("key claimed but bound to no request"));
            return Optional.of(new KeyUse(first.get().fingerprint(), request));
        });
    }

    @Override
    public void bindKey(UserId user, String key, RequestId request) {
        transactions.write(() -> {
            ClaimedKey claimed = new ClaimedKey(user, key);
            keys.get(claimed).ifPresent(row -> keys.put(claimed, new KeyRow(row.fingerprint(), Optional.of(request))));
            return null;
        });
    }

    @Override
    public Page<CertificateRequest> findByParticipant(
            UserId user, Optional<RequestStatus> status, Optional<RequestType> type, PageRequest page) {
        return inSubmissionOrder(
                r -> (r.originator().equals(user) || r.target().equals(user))
                        && status.map(s -> r.status() == s).orElse(true)
                        && type.map(t -> r.type() == t).orElse(true),
                page);
    }

    @Override
    public Page<CertificateRequest> findAwaitingDecision(UserId approver, Set<Role> roles, PageRequest page) {
        if (roles.isEmpty()) {
            return Page.empty();
        }
        return inSubmissionOrder(
                r -> r.status() == RequestStatus.PENDING
                        && r.approvalRule().approverRole().map(roles::contains).orElse(false)
                        && !r.originator().equals(approver)
                        && !r.target().equals(approver)
                        && !decisions.contains(new DecisionKey(r.id(), approver)),
                page);
    }

    private Page<CertificateRequest> inSubmissionOrder(Predicate<CertificateRequest> filter, PageRequest page) {
        return transactions.read(() -> requests.page(filter, page));
    }
}
