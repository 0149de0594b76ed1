package org.openprofiles.application.health;

/** Says whether the service can serve requests: today, whether its database answers. */
public final class CheckReadiness {

    /** What readiness found, one flag per dependency. */
    public record Readiness(boolean database) {
        public boolean ready() {
            return database;
        }
    }

    private final DatabaseProbe database;

    public CheckReadiness(DatabaseProbe database) {
        this.database = database;
    }

    public Readiness check() {
        return new Readiness(database.answers());
    }
}
