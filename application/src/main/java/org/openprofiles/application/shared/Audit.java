package org.openprofiles.application.shared;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.openprofiles.domain.security.AuditEvent;
import org.openprofiles.domain.security.AuditTrail;
import org.openprofiles.domain.security.Principal;
import org.openprofiles.domain.security.UserId;

/**
 * How use cases record a change: call {@link #record} inside the same unit of work as the change,
 * so that both commit or neither does.
 */
public final class Audit {

    private final AuditTrail trail;
    private final Clock clock;

    public Audit(AuditTrail trail, Clock clock) {
        this.trail = trail;
        this.clock = clock;
    }

    /** Records {@code action} by {@code actor} on one object, keeping the fields that changed. */
    public void record(
            Principal actor,
            String action,
            String objectType,
            String objectId,
            Map<String, ?> before,
            Map<String, ?> after) {
        trail.append(AuditEvent.of(
                clock.instant(), Optional.of(actor.userId()), action, objectType, objectId, before, after));
    }

    /**
     * Records a bulk import's one event by {@code actor}: how many items it added and found
     * unchanged, and the added items' ids under {@code listedAs} (how an item's import is found);
     * answers the import's id, which is the event's object id.
     */
    public String recordImport(
            Principal actor, String action, String objectType, String listedAs, List<String> ids, int unchanged) {
        String importId = UUID.randomUUID().toString();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("imported", ids.size());
        after.put("unchanged", unchanged);
        after.put(listedAs, ids);
        record(actor, action, objectType, importId, Map.of(), after);
        return importId;
    }

    /**
     * An event for a change by {@code actor}, or by the service itself when empty (a scheduled
     * sync), to append later with {@link #recordAll}.
     */
    public AuditEvent event(
            Optional<UserId> actor,
            String action,
            String objectType,
            String objectId,
            Map<String, ?> before,
            Map<String, ?> after) {
        return AuditEvent.of(clock.instant(), actor, action, objectType, objectId, before, after);
    }

    /** Records {@code action} by {@code actor}, or by the service itself when empty. */
    public void record(
            Optional<UserId> actor,
            String action,
            String objectType,
            String objectId,
            Map<String, ?> before,
            Map<String, ?> after) {
        trail.append(event(actor, action, objectType, objectId, before, after));
    }

    /** Records several events of one change at once. */
    public void recordAll(List<AuditEvent> events) {
        if (!events.isEmpty()) {
            trail.appendAll(events);
        }
    }

    /** Records a change the service made by itself (first start, migrations of data). */
    public void recordBySystem(String action, String objectType, String objectId, Map<String, ?> after) {
        trail.append(AuditEvent.of(clock.instant(), Optional.empty(), action, objectType, objectId, Map.of(), after));
    }
}
