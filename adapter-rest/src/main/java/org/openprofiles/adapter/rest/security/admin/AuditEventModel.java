package org.openprofiles.adapter.rest.security.admin;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.openprofiles.domain.security.AuditEvent;
import org.openprofiles.domain.security.UserId;

/** One audit event: {@code actor} is null for changes the service made by itself. */
public record AuditEventModel(
        @JsonProperty("id") UUID id,
        @JsonProperty("occurredAt") Instant occurredAt,
        @JsonProperty("actor") UUID actor,
        @JsonProperty("action") String action,
        @JsonProperty("objectType") String objectType,
        @JsonProperty("objectId") String objectId,
        @JsonProperty("before") Map<String, Object> before,
        @JsonProperty("after") Map<String, Object> after) {

    public static AuditEventModel from(AuditEvent event) {
        return new AuditEventModel(
                event.id(),
                event.occurredAt(),
                event.actor().map(UserId::value).orElse(null),
                event.action(),
                event.objectType(),
                event.objectId(),
                event.before(),
                event.after());
    }
}
