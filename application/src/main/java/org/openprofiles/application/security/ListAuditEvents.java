package org.openprofiles.application.security;

import org.openprofiles.application.shared.Transactions;
import org.openprofiles.domain.security.AccessPolicy;
import org.openprofiles.domain.security.Action;
import org.openprofiles.domain.security.AuditEvent;
import org.openprofiles.domain.security.AuditTrail;
import org.openprofiles.domain.security.Principal;
import org.openprofiles.domain.security.Resource;
import org.openprofiles.domain.shared.Invalid;
import org.openprofiles.domain.shared.Page;
import org.openprofiles.domain.shared.PageRequest;

/** An admin reads the audit trail, newest first, filtered by actor, object, action and time. */
public final class ListAuditEvents {

    private final AccessPolicy policy;
    private final Transactions transactions;
    private final AuditTrail trail;

    public ListAuditEvents(AccessPolicy policy, Transactions transactions, AuditTrail trail) {
        this.policy = policy;
        this.transactions = transactions;
        this.trail = trail;
    }

    public Page<AuditEvent> list(Principal actor, AuditTrail.Query query, PageRequest page) {
        policy.require(actor, Action.READ_AUDIT, Resource.of("audit_event"));
        if (query.from().isPresent()
                && query.to().isPresent()
                && query.to().get().isBefore(query.from().get())) {
            throw new Invalid("range_reversed", "to", "to must not be before from");
        }
        return transactions.readOnly(() -> trail.find(query, page));
    }
}
