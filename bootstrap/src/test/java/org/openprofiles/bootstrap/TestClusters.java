package org.openprofiles.bootstrap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;
import org.openprofiles.adapter.jdbc.shared.Database;

/**
 * A migrated, stopped embedded cluster, made once per test JVM and copied into the data directory
 * of each test that starts servers on one: creating a cluster (initdb, with fsync on) and
 * migrating it takes seconds, copying it a fraction of that. The copy has no admin yet, so a
 * server started on it makes its first start.
 */
final class TestClusters {

    private static Path template;

    private TestClusters() {}

    /** Puts a fresh copy of the cluster into {@code <dataDir>/postgres}. */
    static synchronized void copyInto(Path dataDir) {
        try {
            if (template == null) {
                Path made = Files.createTempDirectory("openprofiles-cluster-");
                try (EmbeddedDatabase embedded = EmbeddedDatabase.start(made);
                        Database database = Database.open(embedded.settings(2))) {
                    // Started, migrated, stopped.
                }
                template = made;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(made), "test-cluster-cleanup"));
            }
            Path source = template.resolve("postgres");
            Path target = dataDir.resolve("postgres");
            try (Stream<Path> files = Files.walk(source)) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    Files.copy(file, target.resolve(source.relativize(file)), StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            // The JVM is exiting; a temporary directory is left.
        }
    }
}
