package org.openprofiles.adapter.metrics.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openprofiles.adapter.memory.security.MemorySecurityStorage;
import org.openprofiles.adapter.memory.shared.MemoryTransactions;
import org.openprofiles.domain.security.AuditEvent;
import org.openprofiles.domain.security.AuditTrail;
import org.openprofiles.domain.shared.PageRequest;

class MeteredAuditTrailTest {

    private final MemoryTransactions transactions = new MemoryTransactions();
    private final AuditTrail stored = new MemorySecurityStorage(transactions).auditTrail();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final MeteredAuditTrail trail = new MeteredAuditTrail(stored, transactions, registry);

    private static AuditEvent event(String action, String kind, Map<String, ?> before, Map<String, ?> after) {
        return AuditEvent.of(
                Instant.parse("2026-12-01T10:00:00Z"),
                Optional.empty(),
                action,
                kind,
                UUID.randomUUID().toString(),
                before,
                after);
    }

    /** Appends in a unit of work of its own, as a use case does. */
    private void commit(AuditEvent event) {
        transactions.run(() -> trail.append(event));
    }

    private double count(String name, String... tags) {
        Counter counter = registry.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void committedEventsAreStoredAndCountedByActionAndRequestsByTypeAndTheStatusTheyReached() {
        transactions.run(() -> {
            trail.append(event(
                    "certificate-request.submit",
                    "certificate-request",
                    Map.of(),
                    Map.of("type", "RENEW", "status", "PENDING")));
            trail.append(event(
                    "certificate-request.deny",
                    "certificate-request",
                    Map.of("status", "PENDING"),
                    Map.of("type", "RENEW", "status", "DENIED")));
            assertEquals(0, count("openprofiles.audit.events"), "nothing is counted before the commit");
        });
        // An approval that does not change the status keeps no status in the event: no transition counted.
        commit(event(
                "certificate-request.approve",
                "certificate-request",
                Map.of("status", "PENDING"),
                Map.of("type", "RENEW", "status", "PENDING", "approvals", 1)));
        assertEquals(
                2,
                count("openprofiles.audit.events", "action", "certificate-request.submit")
                        + count("openprofiles.audit.events", "action", "certificate-request.deny"));
        assertEquals(1, count("openprofiles.audit.events", "action", "certificate-request.approve"));
        assertEquals(1, count("openprofiles.certificate.requests", "type", "renew", "status", "pending"));
        assertEquals(1, count("openprofiles.certificate.requests", "type", "renew", "status", "denied"));
        assertEquals(
                2, registry.find("openprofiles.certificate.requests").counters().size());
        assertEquals(
                3,
                stored.find(AuditTrail.Query.all(), PageRequest.first(10))
                        .items()
                        .size());
    }

    @Test
    void anEventWhoseUnitOfWorkRollsBackIsNeitherStoredNorCounted() {
        assertThrows(
                IllegalStateException.class,
                () -> transactions.run(() -> {
                    trail.append(event("certificate.issue", "certificate", Map.of(), Map.of("serial", "01")));
                    throw new IllegalStateException("the issue fails after the event was appended");
                }));
        assertEquals(0, count("openprofiles.certificates.issued"));
        assertNull(registry.find("openprofiles.audit.events").counter());
        assertTrue(stored.find(AuditTrail.Query.all(), PageRequest.first(10))
                .items()
                .isEmpty());
    }

    @Test
    void certificatesIssuedAndRevokedAndDirectorySyncsByOutcomeAreCountedAndTheCertificateCountersExistAtZero() {
        assertEquals(
                0, registry.get("openprofiles.certificates.issued").counter().count());
        assertEquals(
                0, registry.get("openprofiles.certificates.revoked").counter().count());
        commit(event("certificate.issue", "certificate", Map.of(), Map.of("serial", "01")));
        commit(event("certificate.issue", "certificate", Map.of(), Map.of("serial", "02")));
        commit(event("certificate.revoke", "certificate", Map.of(), Map.of("reason", "keyCompromise")));
        commit(event("directory.sync", "directory", Map.of(), Map.of("outcome", "Failed")));
        commit(event("directory.sync", "directory", Map.of(), Map.of("status", "succeeded")));
        commit(event("directory.sync", "directory", Map.of(), Map.of("accounts", 3)));
        assertEquals(2, count("openprofiles.certificates.issued"));
        assertEquals(1, count("openprofiles.certificates.revoked"));
        assertEquals(1, count("openprofiles.directory.syncs", "outcome", "failed"));
        assertEquals(1, count("openprofiles.directory.syncs", "outcome", "succeeded"));
        assertEquals(1, count("openprofiles.directory.syncs", "outcome", "done"));
    }

    @Test
    void aFieldValueThatIsNoShortWordBecomesOtherSoNoLabelCarriesFreeText() {
        commit(event(
                "certificate-request.execute",
                "certificate-request",
                Map.of(),
                Map.of("type", "Renew for alice@example.org", "status", "COMPLETED")));
        assertEquals(1, count("openprofiles.certificate.requests", "type", "other", "status", "completed"));
        assertFalse(registry.getMeters().stream()
                .flatMap(meter -> meter.getId().getTags().stream())
                .anyMatch(tag -> tag.getValue().contains("@")));
    }
}
