package org.openprofiles.application.health;

/**
 * A check that readiness does not depend on: the service serves while it is down, so it is only
 * reported, for operators to see and alert on.
 */
public abstract class ReportedCheck implements HealthCheck {

    private final String name;

    protected ReportedCheck(String name) {
        this.name = name;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final boolean required() {
        return false;
    }
}
