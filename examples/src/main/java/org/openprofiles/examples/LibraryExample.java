package org.openprofiles.examples;

import java.io.PrintStream;
import java.time.Clock;
import org.openprofiles.adapter.jdbc.shared.Database;
import org.openprofiles.adapter.jdbc.shared.DatabaseSettings;

/**
 * Uses OpenProfiles as a library: the domain and the use cases, wired by hand, without the server.
 *
 * <pre>
 * java … org.openprofiles.examples.LibraryExample                       # in memory, no database
 * java … org.openprofiles.examples.LibraryExample jdbc:postgresql://host/db [user [password]]
 * </pre>
 *
 * With a JDBC URL the schema is migrated first (Flyway), then the same story runs on PostgreSQL.
 */
public final class LibraryExample {

    private LibraryExample() {}

    public static void main(String[] args) {
        run(args, Clock.systemUTC(), System.out);
    }

    /** Runs the story on the adapters {@code args} ask for, printing to {@code out}; answers how it ended. */
    public static Story.Outcome run(String[] args, Clock clock, PrintStream out) {
        if (args.length == 0) {
            return new Story(Adapters.inMemory(), clock, out).tell();
        }
        DatabaseSettings settings = new DatabaseSettings(
                args[0], args.length > 1 ? args[1] : "postgres", args.length > 2 ? args[2] : "", 2);
        try (Database database = Database.open(settings)) {
            return new Story(Adapters.onPostgres(database), clock, out).tell();
        }
    }
}
