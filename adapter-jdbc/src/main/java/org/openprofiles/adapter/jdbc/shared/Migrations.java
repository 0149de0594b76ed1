package org.openprofiles.adapter.jdbc.shared;

import java.util.Arrays;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.output.MigrateResult;

/** Brings a database schema up to date from the project's append-only Flyway migrations. */
public final class Migrations {

    /** The classpath folder that holds {@code V<n>__what_it_does.sql}. */
    public static final String LOCATION = "classpath:org/openprofiles/db/migration";

    private Migrations() {}

    /** Applies every pending migration; returns how many ran. */
    public static int migrate(DataSource dataSource) {
        return migrate(dataSource, Optional.empty());
    }

    /** Applies pending migrations up to {@code target} (all when empty); returns how many ran. */
    public static int migrate(DataSource dataSource, Optional<String> target) {
        return apply(dataSource, target).applied();
    }

    /**
     * What a migration did: the schema version before ({@code empty} for a database without a
     * schema), the version after, and how many migrations ran.
     */
    public record Outcome(Optional<String> from, String to, int applied) {

        /** E.g. {@code schema 14 → 21 (3 migrations applied)}, for the start-up log. */
        public String describe() {
            return "schema " + from.orElse("(none)") + " → " + to + " (" + applied + " migration"
                    + (applied == 1 ? "" : "s") + " applied)";
        }
    }

    /** Applies every pending migration and says what it did. */
    public static Outcome apply(DataSource dataSource) {
        return apply(dataSource, Optional.empty());
    }

    private static Outcome apply(DataSource dataSource, Optional<String> target) {
        try {
            MigrateResult result = Flyway.configure()
                    .dataSource(dataSource)
                    .locations(LOCATION)
                    .validateMigrationNaming(true)
                    .cleanDisabled(true)
                    .target(target.map(MigrationVersion::fromVersion).orElse(MigrationVersion.LATEST))
                    .load()
                    .migrate();
            Optional<String> from = Optional.ofNullable(result.initialSchemaVersion);
            String to = Optional.ofNullable(result.targetSchemaVersion)
                    .or(() -> from)
                    .orElse("(none)");
            return new Outcome(from, to, result.migrationsExecuted);
        } catch (FlywayException e) {
            throw new DatabaseUnavailable("database migration failed: " + firstLine(e.getMessage()), e);
        }
    }

    /** The version of the last migration applied to the database; empty when it has no schema yet. */
    public static Optional<String> currentVersion(DataSource dataSource) {
        try {
            MigrationInfo current = flyway(dataSource).info().current();
            return Optional.ofNullable(current).map(info -> info.getVersion().getVersion());
        } catch (FlywayException e) {
            throw new DatabaseUnavailable("cannot read the schema version: " + firstLine(e.getMessage()), e);
        }
    }

    /** The version of the newest migration this build carries. */
    public static String latestKnownVersion(DataSource dataSource) {
        try {
            return Arrays.stream(flyway(dataSource).info().all())
                    .map(MigrationInfo::getVersion)
                    .filter(v -> v != null)
                    .max(MigrationVersion::compareTo)
                    .map(MigrationVersion::getVersion)
                    .orElse("0");
        } catch (FlywayException e) {
            throw new DatabaseUnavailable("cannot read the migrations: " + firstLine(e.getMessage()), e);
        }
    }

    /** Compares two schema versions as Flyway does (21 after 3). */
    public static int compareVersions(String a, String b) {
        return MigrationVersion.fromVersion(a).compareTo(MigrationVersion.fromVersion(b));
    }

    private static Flyway flyway(DataSource dataSource) {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations(LOCATION)
                .cleanDisabled(true)
                .load();
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
