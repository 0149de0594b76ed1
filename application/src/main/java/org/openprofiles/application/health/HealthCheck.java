package org.openprofiles.application.health;

import java.util.Map;

/**
 * One named part of the service whose health is reported at {@code /health/ready}: the
 * certificate authority, the directory synchronisation, … Each check bounds its own time (a few
 * seconds at most) and never throws: a failure is a {@link Result#down}. Only a {@link #required()}
 * check that is down makes the service not ready; the others are reported for operators to see.
 */
public interface HealthCheck {

    /** A short stable name, e.g. {@code certificate-authority}. */
    String name();

    /** Whether the service cannot serve its clients while this check is down. */
    boolean required();

    /** What the check found now. */
    Result check();

    /** Up or down, with a few facts for an operator (never a secret). */
    record Result(boolean up, Map<String, Object> data) {

        public Result {
            data = data == null ? Map.of() : Map.copyOf(data);
        }

        public static Result up(Map<String, Object> data) {
            return new Result(true, data);
        }

        public static Result down(Map<String, Object> data) {
            return new Result(false, data);
        }
    }
}
