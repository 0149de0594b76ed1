package org.openprofiles.bootstrap;

import java.util.concurrent.Callable;
import org.openprofiles.adapter.jdbc.shared.Migrations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code migrate}: brings the database schema up to date and exits (for deployments that migrate first). */
@Command(
        name = "migrate",
        mixinStandardHelpOptions = true,
        description = "Applies pending database migrations and exits; 'serve' does this too before it listens.")
final class MigrateCommand implements Callable<Integer>, Cli.UsesSettings {

    private final Cli.Io io;

    @Spec
    CommandSpec spec;

    MigrateCommand(Cli.Io io) {
        this.io = io;
    }

    @Override
    public Integer call() throws Exception {
        Config config = io.config(spec);
        try (OfflineDatabase database = OfflineDatabase.open(config)) {
            io.out()
                    .println("Database schema is at version "
                            + Migrations.currentVersion(database.database().dataSource())
                                    .orElse("(none)"));
        }
        return Cli.OK;
    }
}
