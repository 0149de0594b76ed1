package org.openprofiles.application.health;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The three questions an orchestrator asks (MicroProfile Health's liveness, readiness and
 * start-up): is the process alive, can it serve now, has it finished starting. Readiness asks the
 * database (required) and every {@link HealthCheck} plugged in; a check that is not required is
 * reported but never makes the service not ready.
 */
public final class CheckHealth {

    /** The name of the database's check. */
    public static final String DATABASE = "database";

    /** The name of the start-up check. */
    public static final String STARTUP = "startup";

    /** One check's outcome as reported. */
    public record Check(String name, boolean up, boolean required, Map<String, Object> data) {}

    /** All checks of one question; {@code up} unless a required check is down. */
    public record Report(boolean up, List<Check> checks) {}

    private final DatabaseProbe database;
    private final List<HealthCheck> checks;
    private final AtomicBoolean started = new AtomicBoolean();

    public CheckHealth(DatabaseProbe database, List<HealthCheck> checks) {
        this.database = database;
        this.checks = List.copyOf(checks);
    }

    /** Called once the server has finished starting (schema migrated, listening, first admin in place). */
    public void markStarted() {
        started.set(true);
    }

    /** Alive: the process answers HTTP. Nothing outside it is asked, so a sick database never restarts it. */
    public Report liveness() {
        return new Report(true, List.of());
    }

    /** Ready: start-up has finished, the database answers, and every required check is up. */
    public Report readiness() {
        List<Check> found = new ArrayList<>();
        if (!started.get()) {
            found.add(new Check(STARTUP, false, true, Map.of()));
        }
        found.add(new Check(DATABASE, database.answers(), true, Map.of()));
        for (HealthCheck check : checks) {
            HealthCheck.Result result = check.check();
            found.add(new Check(check.name(), result.up(), check.required(), result.data()));
        }
        return new Report(found.stream().allMatch(c -> c.up() || !c.required()), List.copyOf(found));
    }

    /** Started: start-up has finished. */
    public Report startup() {
        boolean done = started.get();
        return new Report(done, List.of(new Check(STARTUP, done, true, Map.of())));
    }
}
