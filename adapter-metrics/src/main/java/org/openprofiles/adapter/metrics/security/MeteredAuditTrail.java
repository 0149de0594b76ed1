package org.openprofiles.adapter.metrics.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.openprofiles.application.shared.Transactions;
import org.openprofiles.domain.security.AuditEvent;
import org.openprofiles.domain.security.AuditTrail;
import org.openprofiles.domain.shared.Page;
import org.openprofiles.domain.shared.PageRequest;

/**
 * The audit trail, counting what it records: every change the service makes is audited in the
 * unit of work that makes it, so the audit trail is where the domain counters an operator alerts
 * on come from, without the use cases knowing about metrics. An event is counted only once its
 * unit of work has committed ({@link Transactions#afterCommit}): a change that rolls back is
 * neither stored nor counted.
 *
 * <p>Counters: {@code openprofiles_audit_events_total{action}} (every committed change, by its
 * stable action name), {@code openprofiles_certificate_requests_total{type,status}} (a request
 * reaching a status: its audit event carries the status only when it changed),
 * {@code openprofiles_certificates_issued_total}, {@code openprofiles_certificates_revoked_total}
 * ({@code certificate.issue}, {@code certificate.revoke}) and
 * {@code openprofiles_directory_syncs_total{outcome}} ({@code directory.sync}, its {@code outcome}
 * or else {@code status} field). Label values come from action names and enumerated fields, never
 * from ids or user input.
 */
public final class MeteredAuditTrail implements AuditTrail {

    /** Label values are short lower-case words; anything else is counted as {@code other}. */
    private static final Pattern LABEL = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,47}");

    private static final String REQUEST_KIND = "certificate-request";

    private final AuditTrail trail;
    private final Transactions transactions;
    private final MeterRegistry registry;
    private final Counter issued;
    private final Counter revoked;

    public MeteredAuditTrail(AuditTrail trail, Transactions transactions, MeterRegistry registry) {
        this.trail = trail;
        this.transactions = transactions;
        this.registry = registry;
        // Registered up front, so an alert on their rate has a series from the first scrape.
        this.issued = Counter.builder("openprofiles.certificates.issued")
                .description("certificates the certificate authority issued")
                .register(registry);
        this.revoked = Counter.builder("openprofiles.certificates.revoked")
                .description("certificates revoked")
                .register(registry);
    }

    @Override
    public void append(AuditEvent event) {
        trail.append(event);
        transactions.afterCommit(() -> count(event));
    }

    @Override
    public Page<AuditEvent> find(Query query, PageRequest page) {
        return trail.find(query, page);
    }

    private void count(AuditEvent event) {
        registry.counter("openprofiles.audit.events", "action", label(event.action()))
                .increment();
        switch (event.action()) {
            case "certificate.issue" -> issued.increment();
            case "certificate.revoke" -> revoked.increment();
            case "directory.sync" ->
                registry.counter(
                                "openprofiles.directory.syncs",
                                "outcome",
                                label(field(event, "outcome")
                                        .or(() -> field(event, "status"))
                                        .orElse("done")))
                        .increment();
            default -> {}
        }
        if (REQUEST_KIND.equals(event.objectType())) {
            field(event, "status")
                    .ifPresent(status -> registry.counter(
                                    "openprofiles.certificate.requests",
                                    "type",
                                    label(field(event, "type").orElse("unknown")),
                                    "status",
                                    label(status))
                            .increment());
        }
    }

    private static Optional<String> field(AuditEvent event, String name) {
        Object value = event.after().get(name);
        return value == null ? Optional.empty() : Optional.of(value.toString());
    }

    private static String label(String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        return LABEL.matcher(lower).matches() ? lower : "other";
    }
}
