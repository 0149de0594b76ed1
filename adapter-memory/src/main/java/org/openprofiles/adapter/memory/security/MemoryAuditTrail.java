package org.openprofiles.adapter.memory.security;

import java.util.Optional;
import java.util.UUID;
import org.openprofiles.adapter.memory.shared.Listing;
import org.openprofiles.adapter.memory.shared.MemoryTransactions;
import org.openprofiles.adapter.memory.shared.NewestFirst;
import org.openprofiles.adapter.memory.shared.Table;
import org.openprofiles.domain.security.AuditEvent;
import org.openprofiles.domain.security.AuditTrail;
import org.openprofiles.domain.shared.Page;
import org.openprofiles.domain.shared.PageRequest;

/**
 * The audit trail in memory. Events are kept as the JDBI adapter gives them back: their changes
 * as JSON data ({@link JsonData}), so that an event reads the same whichever storage kept it.
 */
final class MemoryAuditTrail implements AuditTrail {

    private final MemoryTransactions transactions;
    private final Table<UUID, AuditEvent> events;

    MemoryAuditTrail(MemoryTransactions transactions) {
        this.transactions = transactions;
        this.events = new Table<>(transactions);
    }

    @Override
    public void append(AuditEvent event) {
        if (!transactions.inUnitOfWork()) {
            // An event outside the change's unit of work could survive a rolled-back change.
            throw new IllegalStateException("audit events must be appended inside the unit of work of the change");
        }
        transactions.write(() -> {
            if (events.contains(event.id())) {
                throw new IllegalStateException("an audit event with id " + event.id() + " is stored already");
            }
            events.put(
                    event.id(),
                    new AuditEvent(
                            event.id(),
                            event.occurredAt(),
                            event.actor(),
                            event.action(),
                            event.objectType(),
                            event.objectId(),
                            JsonData.of(event.before()),
                            JsonData.of(event.after())));
            return null;
        });
    }

    @Override
    public Page<AuditEvent> find(Query query, PageRequest page) {
        Optional<NewestFirst> after = page.cursor().map(NewestFirst::after);
        return transactions.read(() -> Listing.page(
                events.rows().stream().filter(e -> matches(query, e)).toList(),
                e -> new NewestFirst(e.occurredAt(), e.id()),
                NewestFirst.ORDER,
                after,
                page,
                last -> new NewestFirst(last.occurredAt(), last.id()).cursor()));
    }

    private static boolean matches(Query query, AuditEvent event) {
        return query.actor()
                        .map(actor -> event.actor().equals(Optional.of(actor)))
                        .orElse(true)
                && query.objectType().map(event.objectType()::equals).orElse(true)
                && query.objectId().map(event.objectId()::equals).orElse(true)
                && query.action().map(event.action()::equals).orElse(true)
                && query.from().map(from -> !event.occurredAt().isBefore(from)).orElse(true)
                && query.to().map(to -> event.occurredAt().isBefore(to)).orElse(true);
    }
}
