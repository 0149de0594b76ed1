package org.openprofiles.adapter.metrics.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The JVM's meters are bound when the server says so or by the first scrape, once either way. */
class PrometheusMetricsTest {

    @Test
    void theJvmMetersAreBoundOnlyWhenAskedForOnce() {
        try (PrometheusMetrics metrics = new PrometheusMetrics()) {
            assertTrue(metrics.registry().find("jvm.memory.used").meters().isEmpty(), "bound at construction");

            metrics.bindJvmMeters();
            int meters = metrics.registry().getMeters().size();
            metrics.bindJvmMeters();

            assertTrue(!metrics.registry().find("jvm.memory.used").meters().isEmpty(), "not bound when asked");
            assertEquals(meters, metrics.registry().getMeters().size(), "bound twice");
        }
    }

    @Test
    void aServerStoppedWithinTheFirstSecondBindsNothingAfterwards() {
        PrometheusMetrics metrics = new PrometheusMetrics();
        metrics.close();

        metrics.bindJvmMeters();

        assertTrue(metrics.registry().find("jvm.memory.used").meters().isEmpty(), "bound after close");
    }

    @Test
    void aScrapeBeforeTheServerBoundThemHasThemAnyway() {
        try (PrometheusMetrics metrics = new PrometheusMetrics()) {
            String text = metrics.scrape();

            assertTrue(text.contains("jvm_memory_used_bytes{area=\"heap\""), text);
            assertTrue(text.contains("process_cpu_usage"), text);
        }
    }
}
