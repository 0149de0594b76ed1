package org.openprofiles.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openprofiles.domain.security.AuditEvent;
import org.openprofiles.domain.security.AuditTrail;
import org.openprofiles.domain.security.UserId;

/**
 * The contract of {@link AuditTrail}: an event is appended only inside a unit of work and rolls
 * back with it, comes back with its changes as JSON data, and the trail is read newest first (ties
 * by id, descending), keyset-paged, narrowed by actor, object type, object id, action and a time
 * range that includes its start and excludes its end.
 */
public abstract class AuditTrailContract extends StorageContract {

    private AuditTrail trail() {
        return storage().auditTrail();
    }

    private static AuditEvent event(String objectId, Instant at) {
        return AuditEvent.of(
                at, Optional.of(UserId.random()), "thing.update", "thing", objectId, Map.of("n", 1), Map.of("n", 2));
    }

    private void append(AuditEvent... events) {
        storage().transactions().run(() -> Arrays.stream(events).forEach(trail()::append));
    }

    private static AuditTrail.Query about(String objectId) {
        return new AuditTrail.Query(
                Optional.empty(),
                Optional.empty(),
                Optional.of(objectId),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    private List<AuditEvent> found(AuditTrail.Query query) {
        return all(2, page -> trail().find(query, page));
    }

    @Test
    void anEventComesBackWithEveryFieldAndItsChanges() {
        String objectId = Fixtures.token();
        AuditEvent event = event(objectId, Fixtures.NOW);
        append(event);
        assertEquals(List.of(event), found(about(objectId)));
    }

    @Test
    void theChangesComeBackAsJsonData() {
        String objectId = Fixtures.token();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("count", 7L);
        after.put("large", 5_000_000_000L);
        after.put("ratio", 0.5);
        after.put("flag", true);
        after.put("none", null);
        after.put("list", List.of(1, "two"));
        after.put("nested", Map.of("key", List.of()));
        append(new AuditEvent(
                UUID.randomUUID(), Fixtures.NOW, Optional.empty(), "thing.create", "thing", objectId, Map.of(), after));
        Map<String, Object> expected = new LinkedHashMap<>(after);
        expected.put("count", 7);
        AuditEvent read = found(about(objectId)).get(0);
        assertEquals(expected, read.after(), "whole numbers that fit an int come back as Integer, like all JSON");
        assertEquals(Map.of(), read.before());
        assertEquals(Optional.empty(), read.actor(), "an event of the system has no actor");
    }

    @Test
    void severalEventsAppendedAtOnceComeBackEachWithItsFields() {
        String objectId = Fixtures.token();
        AuditEvent first = event(objectId, Fixtures.NOW);
        AuditEvent bySystem = AuditEvent.of(
                Fixtures.NOW.plusSeconds(1), Optional.empty(), "thing.remove", "thing", objectId, Map.of("n", 2), null);
        storage().transactions().run(() -> trail().appendAll(List.of(first, bySystem)));
        assertEquals(List.of(bySystem, first), all(5, page -> trail().find(about(objectId), page)));
    }

    @Test
    void eventsComeNewestFirstAcrossPages() {
        String objectId = Fixtures.token();
        AuditEvent first = event(objectId, Fixtures.NOW);
        AuditEvent second = event(objectId, Fixtures.NOW.plusSeconds(1));
        AuditEvent third = event(objectId, Fixtures.NOW.plusSeconds(2));
        append(second, third, first);
        assertEquals(List.of(third, second, first), all(1, page -> trail().find(about(objectId), page)));
    }

    @Test
    void eventsOfOneMomentComeByIdDescending() {
        String objectId = Fixtures.token();
        AuditEvent low = new AuditEvent(
                Fixtures.uuidStartingWith('0'), Fixtures.NOW, Optional.empty(), "a", "thing", objectId, null, null);
        AuditEvent high = new AuditEvent(
                Fixtures.uuidStartingWith('f'), Fixtures.NOW, Optional.empty(), "a", "thing", objectId, null, null);
        append(low, high);
        assertEquals(List.of(high, low), all(1, page -> trail().find(about(objectId), page)));
    }

    @Test
    void eachFilterNarrowsTheTrailAndTheyCombine() {
        String type = "kind" + Fixtures.token();
        UserId alice = UserId.random();
        UserId bob = UserId.random();
        AuditEvent aliceCreates = AuditEvent.of(Fixtures.NOW, Optional.of(alice), "x.create", type, "1", null, null);
        AuditEvent aliceUpdates =
                AuditEvent.of(Fixtures.NOW.plusSeconds(1), Optional.of(alice), "x.update", type, "2", null, null);
        AuditEvent bobUpdates =
                AuditEvent.of(Fixtures.NOW.plusSeconds(2), Optional.of(bob), "x.update", type, "1", null, null);
        AuditEvent system =
                AuditEvent.of(Fixtures.NOW.plusSeconds(3), Optional.empty(), "x.update", type, "1", null, null);
        append(aliceCreates, aliceUpdates, bobUpdates, system);

        Optional<String> ofType = Optional.of(type);
        assertEquals(
                List.of(system, bobUpdates, aliceUpdates, aliceCreates),
                found(new AuditTrail.Query(
                        Optional.empty(),
                        ofType,
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty())));
        assertEquals(
                List.of(aliceUpdates, aliceCreates),
                found(new AuditTrail.Query(
                        Optional.of(alice),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty())));
        assertEquals(
                List.of(system, bobUpdates, aliceCreates),
                found(new AuditTrail.Query(
                        Optional.empty(),
                        ofType,
                        Optional.of("1"),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty())));
        assertEquals(
                List.of(system, bobUpdates, aliceUpdates),
                found(new AuditTrail.Query(
                        Optional.empty(),
                        ofType,
                        Optional.empty(),
                        Optional.of("x.update"),
                        Optional.empty(),
                        Optional.empty())));
        assertEquals(
                List.of(aliceUpdates),
                found(new AuditTrail.Query(
                        Optional.of(alice),
                        ofType,
                        Optional.of("2"),
                        Optional.of("x.update"),
                        Optional.empty(),
                        Optional.empty())));
        assertEquals(
                List.of(),
                found(new AuditTrail.Query(
                        Optional.of(bob),
                        ofType,
                        Optional.of("2"),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty())));
    }

    @Test
    void theTimeRangeIncludesItsStartAndExcludesItsEnd() {
        String objectId = Fixtures.token();
        List<AuditEvent> events = List.of(
                event(objectId, Fixtures.NOW),
                event(objectId, Fixtures.NOW.plusSeconds(1)),
                event(objectId, Fixtures.NOW.plusSeconds(2)),
                event(objectId, Fixtures.NOW.plusSeconds(3)));
        append(events.toArray(AuditEvent[]::new));
        assertEquals(
                List.of(events.get(2), events.get(1)),
                found(new AuditTrail.Query(
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of(objectId),
                        Optional.empty(),
                        Optional.of(Fixtures.NOW.plusSeconds(1)),
                        Optional.of(Fixtures.NOW.plusSeconds(3)))));
        assertEquals(
                List.of(events.get(3)),
                found(new AuditTrail.Query(
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of(objectId),
                        Optional.empty(),
                        Optional.of(Fixtures.NOW.plusSeconds(3)),
                        Optional.empty())));
    }

    @Test
    void appendingOutsideAUnitOfWorkIsRefused() {
        String objectId = Fixtures.token();
        assertThrows(IllegalStateException.class, () -> trail().append(event(objectId, Fixtures.NOW)));
        assertTrue(found(about(objectId)).isEmpty());
    }

    @Test
    void anEventAppendedInAUnitOfWorkThatRolledBackIsGone() {
        String objectId = Fixtures.token();
        assertThrows(
                IllegalStateException.class,
                () -> storage().transactions().run(() -> {
                    trail().append(event(objectId, Fixtures.NOW));
                    throw new IllegalStateException("the change fails");
                }));
        assertTrue(found(about(objectId)).isEmpty());
    }

    @Test
    void aCursorThisStorageDidNotIssueIsInvalid() {
        assertForeignCursorsAreRefused(2, page -> trail().find(AuditTrail.Query.all(), page));
    }
}
