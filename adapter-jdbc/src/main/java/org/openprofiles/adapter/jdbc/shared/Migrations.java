package org.openprofiles.adapter.jdbc.shared;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;

/** Brings a database schema up to date from the project's append-only Flyway migrations. */
public final class Migrations {

    /** The classpath folder that holds {@code V<n>__what_it_does.sql}. */
    public static final String LOCATION = "classpath:org/openprofiles/db/migration";

    private Migrations() {}

    /** Applies every pending migration; returns how many ran. */
    public static int migrate(DataSource dataSource) {
        try {
            MigrateResult result = Flyway.configure()
                    .dataSource(dataSource)
                    .locations(LOCATION)
                    .validateMigrationNaming(true)
                    .cleanDisabled(true)
                    .load()
                    .migrate();
            return result.migrationsExecuted;
        } catch (FlywayException e) {
            throw new DatabaseUnavailable("database migration failed: " + firstLine(e.getMessage()), e);
        }
    }

    static String firstLine(String message) {
        if (message == null) {
            return "(no message)";
        }
        String trimmed = message.strip();
        int newline = trimmed.indexOf('\n');
        return newline < 0 ? trimmed : trimmed.substring(0, newline).strip();
    }
}
