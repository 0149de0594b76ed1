package org.openprofiles.domain.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AuditEventTest {

    @Test
    void keepsOnlyTheFieldsThatChangedWithTheirBeforeAndAfterValues() {
        AuditEvent event = AuditEvent.of(
                Instant.EPOCH,
                Optional.empty(),
                "user.update",
                "user",
                "u1",
                Map.of("login", "alice", "enabled", true, "roles", "admin"),
                Map.of("login", "alice", "enabled", false, "roles", "admin"));
        assertEquals(Map.of("enabled", true), event.before());
        assertEquals(Map.of("enabled", false), event.after());
    }

    @Test
    void aCreationHasOnlyAfterValuesAndADeletionOnlyBeforeValues() {
        AuditEvent created =
                AuditEvent.of(Instant.EPOCH, Optional.empty(), "x.create", "x", "1", Map.of(), Map.of("name", "n"));
        assertEquals(Map.of(), created.before());
        assertEquals(Map.of("name", "n"), created.after());
        AuditEvent deleted =
                AuditEvent.of(Instant.EPOCH, Optional.empty(), "x.delete", "x", "1", Map.of("name", "n"), Map.of());
        assertEquals(Map.of("name", "n"), deleted.before());
        assertEquals(Map.of(), deleted.after());
    }
}
