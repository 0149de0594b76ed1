package org.openprofiles.domain.security;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One change, as the audit trail keeps it: when, who, what action, which object, and the fields
 * that changed with their values before and after. Values are plain JSON-like data (strings,
 * numbers, booleans, lists, maps, null). Secrets never go in here.
 */
public record AuditEvent(
        UUID id,
        Instant occurredAt,
        Optional<UserId> actor,
        String action,
        String objectType,
        String objectId,
        Map<String, Object> before,
        Map<String, Object> after) {

    public AuditEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(actor, "actor");
        if (action == null || action.isBlank() || objectType == null || objectType.isBlank() || objectId == null) {
            throw new IllegalArgumentException("an audit event needs an action, an object type and an object id");
        }
        before = before == null ? Map.of() : unmodifiable(before);
        after = after == null ? Map.of() : unmodifiable(after);
    }

    /**
     * An event for a change by {@code actor} (empty for the system itself, e.g. first start),
     * keeping only the fields whose values differ between {@code before} and {@code after}.
     */
    public static AuditEvent of(
            Instant at,
            Optional<UserId> actor,
            String action,
            String objectType,
            String objectId,
            Map<String, ?> before,
            Map<String, ?> after) {
        Map<String, Object> changedBefore = new LinkedHashMap<>();
        Map<String, Object> changedAfter = new LinkedHashMap<>();
        Map<String, ?> old = before == null ? Map.of() : before;
        Map<String, ?> now = after == null ? Map.of() : after;
        for (String key : old.keySet()) {
            if (!now.containsKey(key) || !Objects.equals(old.get(key), now.get(key))) {
                changedBefore.put(key, old.get(key));
                if (now.containsKey(key)) {
                    changedAfter.put(key, now.get(key));
                }
            }
        }
        for (String key : now.keySet()) {
            if (!old.containsKey(key)) {
                changedAfter.put(key, now.get(key));
            }
        }
        return new AuditEvent(UUID.randomUUID(), at, actor, action, objectType, objectId, changedBefore, changedAfter);
    }

    private static Map<String, Object> unmodifiable(Map<String, Object> values) {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }
}
