package org.openprofiles.domain.security;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.openprofiles.domain.shared.Page;
import org.openprofiles.domain.shared.PageRequest;

/**
 * The audit trail port. {@link #append} must run inside the unit of work of the change it
 * records: if the change rolls back, so does the event, and if the append fails, so does the
 * change.
 */
public interface AuditTrail {

    void append(AuditEvent event);

    /** Appends several events of one change (a sync's removals) at once, in the same unit of work. */
    default void appendAll(List<AuditEvent> events) {
        events.forEach(this::append);
    }

    /** Events newest first, filtered; every filter is optional. */
    Page<AuditEvent> find(Query query, PageRequest page);

    /** Filters for {@link #find}. */
    record Query(
            Optional<UserId> actor,
            Optional<String> objectType,
            Optional<String> objectId,
            Optional<String> action,
            Optional<Instant> from,
            Optional<Instant> to) {

        public static Query all() {
            return new Query(
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty());
        }
    }
}
