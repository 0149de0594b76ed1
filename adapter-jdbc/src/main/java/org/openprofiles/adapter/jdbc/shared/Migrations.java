package org.openprofiles.adapter.jdbc.shared;

import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
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

    /**
     * Applies every pending migration; returns how many ran. A schema that has exactly this build's
     * migrations applied is recognised with one query and the list of migration files, without
     * Flyway (which scans the whole class path and checks every file's checksum: most of a
     * restart's time). Anything else (pending, missing, failed or unknown migrations) goes through
     * Flyway as before. What the short cut does not repeat is Flyway's checksum check of migrations
     * already applied: they are append-only and ship inside this jar, and the migrations a target
     * version names ({@link #migrate(DataSource, Optional)}, used by restore) still go through it.
     */
    public static int migrate(DataSource dataSource) {
        return apply(dataSource).applied();
    }

    /** True when the applied migrations are exactly this build's, all successful. */
    static boolean upToDate(DataSource dataSource) {
        return upToDateVersion(dataSource).isPresent();
    }

    /** The schema's version when the applied migrations are exactly this build's, all successful. */
    private static Optional<String> upToDateVersion(DataSource dataSource) {
        Optional<Set<String>> files = migrationFiles();
        if (files.isEmpty() || files.get().isEmpty()) {
            return Optional.empty();
        }
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            Set<String> applied = new HashSet<>();
            try (ResultSet history = statement.executeQuery(
                    "SELECT version, success FROM flyway_schema_history WHERE version IS NOT NULL")) {
                while (history.next()) {
                    if (!history.getBoolean("success")) {
                        return Optional.empty();
                    }
                    applied.add(normalized(history.getString("version")));
                }
            }
            if (!applied.equals(files.get())) {
                return Optional.empty();
            }
            return applied.stream().max(Migrations::compareVersions);
        } catch (SQLException e) {
            // No history table yet, or anything unexpected: Flyway decides.
            return Optional.empty();
        }
    }

    /** The versions of this build's migration files, when they can be listed (a jar or a folder). */
    static Optional<Set<String>> migrationFiles() {
        String folder = LOCATION.substring("classpath:".length());
        URL url = Migrations.class.getClassLoader().getResource(folder);
        if (url == null) {
            return Optional.empty();
        }
        List<String> names = new ArrayList<>();
        try {
            if (url.getProtocol().equals("jar")) {
                JarFile jar = ((JarURLConnection) url.openConnection()).getJarFile();
                jar.stream()
                        .map(JarEntry::getName)
                        .filter(name -> name.startsWith(folder + "/"))
                        .map(name -> name.substring(folder.length() + 1))
                        .forEach(names::add);
            } else if (url.getProtocol().equals("file")) {
                try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
                    files.map(file -> file.getFileName().toString()).forEach(names::add);
                }
            } else {
                return Optional.empty();
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
        Set<String> versions = new HashSet<>();
        for (String name : names) {
            Matcher m = VERSIONED.matcher(name);
            if (m.matches()) {
                versions.add(normalized(m.group(1).replace('_', '.')));
            } else if (!name.isEmpty()) {
                // Something Flyway would have to judge (a repeatable or misnamed migration).
                return Optional.empty();
            }
        }
        return Optional.of(versions);
    }

    private static final Pattern VERSIONED = Pattern.compile("V([0-9][0-9_.]*)__[^/]+\\.sql");

    private static String normalized(String version) {
        return MigrationVersion.fromVersion(version).getVersion();
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

    /** Applies every pending migration and says what it did ({@link #migrate(DataSource)}'s short cut included). */
    public static Outcome apply(DataSource dataSource) {
        Optional<String> current = upToDateVersion(dataSource);
        if (current.isPresent()) {
            return new Outcome(current, current.get(), 0);
        }
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
