package org.openprofiles.adapter.jdbc.health;

import org.openprofiles.adapter.jdbc.shared.Database;
import org.openprofiles.application.health.DatabaseProbe;

/** Readiness probe backed by the pool's connection validation. */
public final class JdbcDatabaseProbe implements DatabaseProbe {

    private final Database database;

    public JdbcDatabaseProbe(Database database) {
        this.database = database;
    }

    @Override
    public boolean answers() {
        return database.answers();
    }
}
