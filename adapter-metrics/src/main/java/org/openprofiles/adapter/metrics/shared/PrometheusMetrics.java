package org.openprofiles.adapter.metrics.shared;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmInfoMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The service's metrics, kept for Prometheus to scrape: a registry with the JVM's and the
 * process's own metrics (memory, garbage collection, threads, class loading, CPU, open files,
 * uptime). Adapters add theirs to {@link #registry()}; {@link #scrape()} is the text a {@code GET
 * /metrics} answers.
 *
 * <p>The JVM's and the process's meters are bound by {@link #bindJvmMeters()}, which a server
 * calls after it started serving (binding them is about 0.1 s of CPU a start does not need), or
 * by the first scrape before that, so that a scrape always has them.
 */
public final class PrometheusMetrics implements AutoCloseable {

    /** More distinct values than this of one tag on one meter is a bug (a raw path, an id): later ones are dropped. */
    static final int MAX_TAG_VALUES = 500;

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics garbageCollection = new JvmGcMetrics();
    private boolean jvmMetersBound;
    private boolean closed;

    public PrometheusMetrics() {
        // A safety net under the rule that no label carries an id or a raw path: a meter whose
        // route or action label grows without bound stops growing instead of exhausting memory.
        for (String tag : new String[] {"route", "action", "reason", "outcome"}) {
            registry.config()
                    .meterFilter(MeterFilter.maximumAllowableTags("", tag, MAX_TAG_VALUES, MeterFilter.deny()));
        }
    }

    /** Binds the JVM's and the process's meters; once, whoever calls first, and not after {@link #close}. */
    public synchronized void bindJvmMeters() {
        if (jvmMetersBound || closed) {
            return;
        }
        jvmMetersBound = true;
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        garbageCollection.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new JvmInfoMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
    }

    /** Where the other adapters register their meters. */
    public MeterRegistry registry() {
        return registry;
    }

    /** Every metric in the Prometheus text exposition format (version 0.0.4). */
    public String scrape() {
        bindJvmMeters();
        return registry.scrape();
    }

    @Override
    public synchronized void close() {
        closed = true;
        garbageCollection.close();
        registry.close();
    }
}
