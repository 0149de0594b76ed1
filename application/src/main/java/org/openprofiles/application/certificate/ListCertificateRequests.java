package org.openprofiles.application.certificate;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.openprofiles.application.shared.Transactions;
import org.openprofiles.domain.certificate.CertificateRequest;
import org.openprofiles.domain.certificate.CertificateRequests;
import org.openprofiles.domain.certificate.RequestStatus;
import org.openprofiles.domain.certificate.RequestType;
import org.openprofiles.domain.security.AccessPolicy;
import org.openprofiles.domain.security.Action;
import org.openprofiles.domain.security.Principal;
import org.openprofiles.domain.security.Resource;
import org.openprofiles.domain.security.Role;
import org.openprofiles.domain.security.UserId;
import org.openprofiles.domain.shared.Page;
import org.openprofiles.domain.shared.PageRequest;

/**
 * Lists certificate requests in submission order: those a user submitted or that are for that
 * user (an agent's Enroll on their behalf) — the caller's, or another user's whose requests the
 * caller may read —, optionally of one status and one type; or the queue of Pending requests
 * waiting for the caller's decision.
 */
public final class ListCertificateRequests {

    /** Whose requests (empty: the caller's), which status and type (empty: any), which page. */
    public record Query(
            Optional<UserId> user, Optional<RequestStatus> status, Optional<RequestType> type, PageRequest page) {
        public Query {
            if (user == null || status == null || type == null || page == null) {
                throw new IllegalArgumentException("incomplete request query");
            }
        }
    }

    private final CertificateRequests requests;
    private final AccessPolicy accessPolicy;
    private final Transactions transactions;

    public ListCertificateRequests(CertificateRequests requests, AccessPolicy accessPolicy, Transactions transactions) {
        this.requests = requests;
        this.accessPolicy = accessPolicy;
        this.transactions = transactions;
    }

    public Page<CertificateRequest> list(Principal caller, Query query) {
        UserId whose = query.user().orElse(caller.userId());
        accessPolicy.require(
                caller, Action.READ_CERTIFICATE_REQUESTS, Resource.ownedBy(CertificateRequest.RESOURCE_KIND, whose));
        return transactions.readOnly(
                () -> requests.findByParticipant(whose, query.status(), query.type(), query.page()));
    }

    /**
     * The Pending requests the caller may decide now: its rule names a role the caller holds, the
     * caller did not submit it, it is not for the caller's own profile, and the caller has not
     * decided on it yet. Empty for a caller who decides nothing.
     */
    public Page<CertificateRequest> awaitingDecisionBy(Principal caller, PageRequest page) {
        if (!accessPolicy.permits(
                caller, Action.DECIDE_CERTIFICATE_REQUESTS, Resource.of(CertificateRequest.RESOURCE_KIND))) {
            return Page.empty();
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Role role : Role.values()) {
            if (caller.has(role)) {
                roles.add(role);
            }
        }
        return transactions.readOnly(() -> requests.findAwaitingDecision(caller.userId(), roles, page));
    }
}
