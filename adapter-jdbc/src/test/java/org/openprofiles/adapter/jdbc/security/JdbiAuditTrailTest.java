package org.openprofiles.adapter.jdbc.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openprofiles.adapter.jdbc.shared.Database;
import org.openprofiles.adapter.jdbc.testing.PostgresExtension;
import org.openprofiles.adapter.jdbc.testing.TestDatabase;
import org.openprofiles.domain.security.AuditEvent;
import org.openprofiles.domain.security.AuditTrail;
import org.openprofiles.domain.security.UserId;
import org.openprofiles.domain.shared.Page;
import org.openprofiles.domain.shared.PageRequest;

@ExtendWith(PostgresExtension.class)
class JdbiAuditTrailTest {

    private static Database database;
    private static JdbiAuditTrail trail;

    @BeforeAll
    static void open(TestDatabase db) {
        database = Database.open(db.settings());
        trail = new JdbiAuditTrail(database.transactions());
    }

    @AfterAll
    static void close() {
        database.close();
    }

    private static AuditEvent event(String objectId, Instant at) {
        return AuditEvent.of(
                at, Optional.of(UserId.random()), "thing.update", "thing", objectId, Map.of("n", 1), Map.of("n", 2));
    }

    private static long count(String objectId) {
        return trail.find(
                        new AuditTrail.Query(
                                Optional.empty(),
                                Optional.of("thing"),
                                Optional.of(objectId),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty()),
                        PageRequest.first(1000))
                .items()
                .size();
    }

    @Test
    void anEventAppendedInARolledBackUnitOfWorkIsGone() {
        assertThrows(
                IllegalStateException.class,
                () -> database.transactions().run(() -> {
                    trail.append(event("rolled-back", Instant.now()));
                    throw new IllegalStateException("the change fails");
                }));
        assertEquals(0, count("rolled-back"));
    }

    @Test
    void appendingOutsideAUnitOfWorkIsRefused() {
        assertThrows(IllegalStateException.class, () -> trail.append(event("outside", Instant.now())));
        assertEquals(0, count("outside"));
    }

    @Test
    void eventsComeBackNewestFirstWithTheirChangesAcrossPages() {
        Instant base = Instant.parse("2026-01-01T00:00:00Z");
        database.transactions().run(() -> {
            for (int i = 0; i < 5; i++) {
                trail.append(event("paged", base.plusSeconds(i)));
            }
        });
        AuditTrail.Query query = new AuditTrail.Query(
                Optional.empty(),
                Optional.empty(),
                Optional.of("paged"),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
        Page<AuditEvent> first = trail.find(query, PageRequest.first(2));
        assertEquals(2, first.items().size());
        assertEquals(base.plusSeconds(4), first.items().get(0).occurredAt());
        assertEquals(Map.of("n", 1), first.items().get(0).before());
        assertEquals(Map.of("n", 2), first.items().get(0).after());
        Page<AuditEvent> second =
                trail.find(query, PageRequest.first(2).after(first.nextCursor().orElseThrow()));
        Page<AuditEvent> third =
                trail.find(query, PageRequest.first(2).after(second.nextCursor().orElseThrow()));
        assertEquals(base.plusSeconds(2), second.items().get(0).occurredAt());
        assertEquals(1, third.items().size());
        assertTrue(third.nextCursor().isEmpty());
    }

    @Test
    void timeRangeFilterIsFromInclusiveToExclusive() {
        Instant base = Instant.parse("2025-06-01T00:00:00Z");
        database.transactions().run(() -> {
            for (int i = 0; i < 4; i++) {
                trail.append(event("ranged", base.plusSeconds(i)));
            }
        });
        AuditTrail.Query query = new AuditTrail.Query(
                Optional.empty(),
                Optional.empty(),
                Optional.of("ranged"),
                Optional.empty(),
                Optional.of(base.plusSeconds(1)),
                Optional.of(base.plusSeconds(3)));
        assertEquals(2, trail.find(query, PageRequest.first(10)).items().size());
    }
}
