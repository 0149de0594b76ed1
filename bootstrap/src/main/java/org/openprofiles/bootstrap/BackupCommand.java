package org.openprofiles.bootstrap;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.zip.ZipFile;
import org.openprofiles.adapter.jdbc.shared.Migrations;
import org.openprofiles.adapter.jdbc.shared.TableCopies;
import org.postgresql.core.BaseConnection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code backup FILE}: one consistent snapshot of every table (and the CA folder) into an archive,
 * while the server keeps running; the answer for the embedded database, which has no pg_dump.
 */
@Command(
        name = "backup",
        mixinStandardHelpOptions = true,
        description = {
            "Writes a consistent archive of all data (one database snapshot: users and token hashes, "
                    + "templates, profiles, requests, access profiles, directory, assignments, audit; the CA folder "
                    + "<data dir>/ca when it exists). Safe while the server runs.",
            "Ctrl-C stops it and removes the partial file."
        })
final class BackupCommand implements Callable<Integer>, Cli.UsesSettings {

    private final Cli.Io io;

    @Spec
    CommandSpec spec;

    @Parameters(
            index = "0",
            paramLabel = "FILE",
            description = "the archive to write (a zip), e.g. openprofiles-2026-12-01.zip")
    Path file;

    BackupCommand(Cli.Io io) {
        this.io = io;
    }

    @Override
    public Integer call() throws Exception {
        Config config = io.config(spec);
        try (OfflineDatabase.Unopened database = OfflineDatabase.Unopened.of(config);
                Connection connection = database.connect()) {
            String schema = Migrations.currentVersion(database.dataSource())
                    .orElseThrow(() -> new Cli.Refused("the database has no OpenProfiles schema to back up"));
            TableCopies.beginSnapshot(connection);
            try (Interruption interruption = new Interruption(() -> cancel(connection))) {
                try {
                    BackupArchive.write(
                            connection,
                            schema,
                            Optional.of(config.dataDir().resolve("ca")),
                            file,
                            (what, unit, total) -> new Progress(io.out(), io.terminal(), what, unit, total),
                            interruption);
                    return Cli.OK;
                } catch (RuntimeException | SQLException e) {
                    if (interruption.requested()) {
                        io.out().println("Backup stopped by Ctrl-C: nothing was written (" + file + " untouched).");
                        return Cli.INTERRUPTED;
                    }
                    throw e;
                }
            } finally {
                connection.rollback();
            }
        }
    }

    /** Cancels the statement running on {@code connection} (a long COPY) from the interrupt hook. */
    static void cancel(Connection connection) {
        try {
            connection.unwrap(BaseConnection.class).cancelQuery();
        } catch (SQLException e) {
            // The work notices the stop request at its next step anyway.
        }
    }

    /** {@code restore FILE}: the archive back into an empty database. */
    @Command(
            name = "restore",
            mixinStandardHelpOptions = true,
            description = {
                "Restores an archive written by 'backup' into an empty database (no users yet; a new "
                        + "--data-dir or an empty --db-url), in one transaction, then migrates it to this build's schema.",
                "Ctrl-C stops it; nothing is restored then. Stop the server first."
            })
    static final class Restore implements Callable<Integer>, Cli.UsesSettings {

        private final Cli.Io io;

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE", description = "an archive written by 'backup'")
        Path file;

        @Option(names = "--force", description = "replace the data of a database that is not empty (and the CA folder)")
        boolean force;

        Restore(Cli.Io io) {
            this.io = io;
        }

        @Override
        public Integer call() throws Exception {
            Config config = io.config(spec);
            if (!Files.isReadable(file)) {
                throw new Cli.Refused("cannot read " + file);
            }
            Path caDir = config.dataDir().resolve("ca").toAbsolutePath().normalize();
            try (ZipFile zip = new ZipFile(file.toFile());
                    OfflineDatabase.Unopened database = OfflineDatabase.Unopened.of(config)) {
                BackupArchive.Manifest manifest = BackupArchive.manifest(zip);
                if (!manifest.files().isEmpty() && Files.isDirectory(caDir) && !isEmpty(caDir) && !force) {
                    throw new Cli.Refused(caDir + " is not empty; restore refuses to overwrite CA keys (--force)");
                }
                prepareSchema(database, manifest);
                long rows;
                try (Connection connection = database.connect();
                        Interruption interruption = new Interruption(() -> cancel(connection))) {
                    connection.setAutoCommit(false);
                    if (TableCopies.hasRows(connection, "app_user") && !force) {
                        throw new Cli.Refused("the database is not empty (it has users); restore into an empty one, "
                                + "or replace its data with --force");
                    }
                    Progress progress = new Progress(
                            io.out(),
                            io.terminal(),
                            "restore",
                            "rows",
                            manifest.tables().stream()
                                    .mapToLong(BackupArchive.TableEntry::rows)
                                    .sum());
                    try {
                        rows = BackupArchive.load(zip, manifest, connection, progress, interruption);
                        BackupArchive.stopIfAsked(interruption);
                        connection.commit();
                        progress.finish("Restored " + manifest.tables().size() + " tables from " + file + " (made "
                                + manifest.createdAt() + ", schema version " + manifest.schemaVersion() + ")");
                    } catch (RuntimeException | SQLException e) {
                        connection.rollback();
                        if (interruption.requested()) {
                            io.out().println("Restore stopped by Ctrl-C: rolled back, nothing was restored.");
                            return Cli.INTERRUPTED;
                        }
                        throw e;
                    }
                }
                BackupArchive.extractFiles(zip, manifest, caDir);
                int migrated = Migrations.migrate(database.dataSource());
                if (migrated > 0) {
                    io.out()
                            .println("Migrated the restored data to schema version "
                                    + Migrations.currentVersion(database.dataSource())
                                            .orElse("?") + ".");
                }
                io.out().println(rows + " rows and " + manifest.files().size() + " CA file(s) restored.");
            }
            return Cli.OK;
        }

        /** An empty database is migrated to the archive's schema version; a migrated one must be at it. */
        private static void prepareSchema(OfflineDatabase.Unopened database, BackupArchive.Manifest manifest) {
            String latest = Migrations.latestKnownVersion(database.dataSource());
            if (Migrations.compareVersions(manifest.schemaVersion(), latest) > 0) {
                throw new Cli.Refused("the archive has schema version " + manifest.schemaVersion()
                        + ", newer than this build's " + latest + "; restore it with a newer build");
            }
            Optional<String> current = Migrations.currentVersion(database.dataSource());
            if (current.isEmpty()) {
                Migrations.migrate(database.dataSource(), Optional.of(manifest.schemaVersion()));
            } else if (!current.get().equals(manifest.schemaVersion())) {
                throw new Cli.Refused("the database is at schema version " + current.get() + ", the archive at "
                        + manifest.schemaVersion() + "; restore into a new, empty database");
            }
        }

        private static boolean isEmpty(Path dir) throws java.io.IOException {
            try (var entries = Files.list(dir)) {
                return entries.findAny().isEmpty();
            }
        }
    }
}
