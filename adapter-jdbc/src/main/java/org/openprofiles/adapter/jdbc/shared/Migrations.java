package org.openprofiles.adapter.jdbc.shared;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32;
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
     * Applies every pending migration; returns how many ran. A schema whose history holds exactly
     * this build's migrations, all successful and with the checksums Flyway would compute, is
     * recognised with one query and the migration files, without Flyway (which scans the whole
     * class path and loads hundreds of classes: most of a restart's time). Anything else — a
     * pending, missing, failed, renamed or changed migration — goes through Flyway's migrate and
     * validation as before, so a changed migration still stops the start. The migrations a target
     * version names ({@link #migrate(DataSource, Optional)}, used by restore) always go through it.
     */
    public static int migrate(DataSource dataSource) {
        return apply(dataSource).applied();
    }

    /** A versioned migration of this build as Flyway records it: version, file name, checksum. */
    record Bundled(String version, String script, int checksum) {}

    /** True when the applied migrations are exactly this build's, all successful, none changed. */
    static boolean upToDate(DataSource dataSource) {
        return bundled()
                .flatMap(bundled -> upToDateVersion(dataSource, bundled))
                .isPresent();
    }

    /** The schema's version when its history holds exactly {@code bundled}, all successful. */
    private static Optional<String> upToDateVersion(DataSource dataSource, Map<String, Bundled> bundled) {
        if (bundled.isEmpty()) {
            return Optional.empty();
        }
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            Map<String, Bundled> applied = new HashMap<>();
            try (ResultSet history = statement.executeQuery(
                    "SELECT version, script, checksum, success FROM flyway_schema_history WHERE version IS NOT NULL")) {
                while (history.next()) {
                    int checksum = history.getInt("checksum");
                    if (history.wasNull() || !history.getBoolean("success")) {
                        return Optional.empty();
                    }
                    String version = normalized(history.getString("version"));
                    applied.put(version, new Bundled(version, history.getString("script"), checksum));
                }
            }
            if (!applied.equals(bundled)) {
                return Optional.empty();
            }
            return applied.keySet().stream().max(Migrations::compareVersions);
        } catch (SQLException e) {
            // No history table yet, or anything unexpected: Flyway decides.
            return Optional.empty();
        }
    }

    /**
     * This build's migrations by version, read from the class path (a jar's index, or a folder),
     * with the checksum Flyway computes for each (CRC-32 over the file's lines without their line
     * ends, a leading byte-order mark dropped). Empty when they cannot be read, or when the folder
     * holds anything but versioned SQL migrations (Flyway judges those).
     */
    static Optional<Map<String, Bundled>> bundled() {
        String folder = LOCATION.substring("classpath:".length());
        ClassLoader loader = Migrations.class.getClassLoader();
        URL url = loader.getResource(folder);
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
            Map<String, Bundled> bundled = new HashMap<>();
            for (String name : names) {
                Matcher m = VERSIONED.matcher(name);
                if (m.matches()) {
                    String version = normalized(m.group(1).replace('_', '.'));
                    bundled.put(version, new Bundled(version, name, checksum(loader, folder + "/" + name)));
                } else if (!name.isEmpty()) {
                    // Something Flyway would have to judge (a repeatable or misnamed migration).
                    return Optional.empty();
                }
            }
            return Optional.of(bundled);
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Flyway's checksum of one migration file (its {@code ChecksumCalculator}, which is internal to Flyway). */
    static int checksum(ClassLoader loader, String resource) throws IOException {
        InputStream in = loader.getResourceAsStream(resource);
        if (in == null) {
            throw new IOException("no " + resource);
        }
        CRC32 crc = new CRC32();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 4096)) {
            String line = lines.readLine();
            if (line != null && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            for (; line != null; line = lines.readLine()) {
                crc.update(line.getBytes(StandardCharsets.UTF_8));
            }
        }
        return (int) crc.getValue();
    }

    private static final Pattern VERSIONED = Pattern.compile("V([0-9][0-9_.]*)__[^/]+\\.sql");

    private static String normalized(String version) {
        return MigrationVersion.fromVersion(version).getVersion();
    }

    /** Applies pending migrations up to {@code target} (all when empty); returns how many ran. */
    public static int migrate(DataSource dataSource, Optional<String> target) {
        return migrateWithFlyway(dataSource, target).applied();
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
        Optional<String> current = bundled().flatMap(migrations -> upToDateVersion(dataSource, migrations));
        if (current.isPresent()) {
            return new Outcome(current, current.get(), 0);
        }
        return migrateWithFlyway(dataSource, Optional.empty());
    }

    private static Outcome migrateWithFlyway(DataSource dataSource, Optional<String> target) {
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
