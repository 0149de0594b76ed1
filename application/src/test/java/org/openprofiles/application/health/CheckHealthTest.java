package org.openprofiles.application.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class CheckHealthTest {

    private final AtomicBoolean databaseAnswers = new AtomicBoolean(true);

    private static HealthCheck check(String name, boolean required, boolean up) {
        return new HealthCheck() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public boolean required() {
                return required;
            }

            @Override
            public Result check() {
                return new Result(up, Map.of("detail", name + (up ? " fine" : " broken")));
            }
        };
    }

    private CheckHealth health(HealthCheck... checks) {
        CheckHealth health = new CheckHealth(databaseAnswers::get, List.of(checks));
        health.markStarted();
        return health;
    }

    @Test
    void aCheckThatIsNotRequiredIsReportedDownWithoutMakingTheServiceNotReady() {
        CheckHealth.Report report =
                health(check("directory-sync", false, false)).readiness();
        assertTrue(report.up());
        assertEquals(
                List.of("database", "directory-sync"),
                report.checks().stream().map(CheckHealth.Check::name).toList());
        CheckHealth.Check sync = report.checks().get(1);
        assertFalse(sync.up());
        assertEquals(Map.of("detail", "directory-sync broken"), sync.data());
    }

    @Test
    void aRequiredCheckDownOrTheDatabaseDownMakesTheServiceNotReadyButStillAlive() {
        CheckHealth withRequired = health(check("certificate-authority", true, false));
        assertFalse(withRequired.readiness().up());
        assertTrue(withRequired.liveness().up());
        CheckHealth plain = health();
        databaseAnswers.set(false);
        assertFalse(plain.readiness().up());
        assertTrue(plain.liveness().up(), "liveness asks nothing outside the process");
    }

    @Test
    void untilStartUpHasFinishedTheServiceIsNeitherStartedNorReady() {
        CheckHealth health = new CheckHealth(databaseAnswers::get, List.of());
        assertFalse(health.startup().up());
        assertFalse(health.readiness().up());
        assertEquals("startup", health.readiness().checks().get(0).name());
        health.markStarted();
        assertTrue(health.startup().up());
        assertTrue(health.readiness().up());
    }
}
