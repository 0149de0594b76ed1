package org.openprofiles.bootstrap;

import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import io.zonky.test.db.postgres.util.ArchUtils;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.Writer;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.jar.JarEntry;

/**
 * Where the embedded PostgreSQL's programs are, found without reading their archive. zonky's
 * builder finds its extracted binaries by reading the whole archive out of the jar (15 MB,
 * inflated) and taking its MD5, at every start, after running a shell script and {@code unshare}
 * to learn the Linux distribution and whether it must run PostgreSQL in a user namespace (as
 * root). So a cluster remembers, in {@link #RECORD}, what its last start by zonky used: the
 * archive (its name, and the CRC-32 and size the jar's index lists, which are read without
 * reading the archive), the directory zonky extracted it to, and whether it ran under
 * {@code unshare -U}. A start on that cluster uses the directory directly when the jar still
 * carries the same archive and the directory is still whole; otherwise zonky is used as before
 * (it unpacks the archive again when it must) and the record is written anew.
 *
 * <p>The record lives in the cluster directory, which only the service's user can read, never in
 * the shared temporary directory the binaries are extracted to.
 */
final class PostgresBinaries implements PgBinaryResolver {

    /** The record in the cluster directory. */
    static final String RECORD = "openprofiles-binaries.properties";

    /** zonky's marker of a completely extracted directory. */
    private static final String EXTRACTED = ".exists";

    /** The resolver zonky is given: the one instance, so zonky's per-resolver cache of the extracted directory works. */
    static final PostgresBinaries RESOLVER = new PostgresBinaries();

    /** The archive the resolver handed to zonky in this JVM (zonky asks once per JVM). */
    private volatile String chosen;

    private PostgresBinaries() {}

    /**
     * Known binaries: the extracted directory (holding {@code bin/pg_ctl} and {@code bin/postgres})
     * and whether PostgreSQL runs under {@code unshare -U} (zonky's way of running it as root).
     */
    record Known(Path directory, boolean unshare) {

        Path program(String name) {
            return directory.resolve("bin").resolve(name);
        }

        /** The command that runs {@code name} with {@code arguments}, in a user namespace when needed. */
        List<String> command(String name, List<String> arguments) {
            List<String> command = new ArrayList<>();
            if (unshare) {
                command.addAll(List.of("unshare", "-U"));
            }
            command.add(program(name).toString());
            command.addAll(arguments);
            return command;
        }
    }

    /**
     * The binaries the last start on {@code cluster} used, when the jar still carries the archive
     * they came from (same name, CRC-32 and size) and their directory is still whole; empty
     * otherwise (no record, another jar, a directory cleaned away), and then zonky finds them.
     */
    static Optional<Known> remembered(Path cluster) {
        Path file = cluster.resolve(RECORD);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties record = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            record.load(in);
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
        String archive = record.getProperty("archive", "");
        String directory = record.getProperty("directory", "");
        if (archive.isEmpty() || directory.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> fingerprint = fingerprint(archive);
        if (fingerprint.isEmpty() || !fingerprint.get().equals(record.getProperty("fingerprint"))) {
            return Optional.empty();
        }
        Known known = new Known(Path.of(directory), Boolean.parseBoolean(record.getProperty("unshare")));
        return whole(known) ? Optional.of(known) : Optional.empty();
    }

    /**
     * Writes down what zonky used to start PostgreSQL on {@code cluster} just now: the archive this
     * resolver handed it, and the directory of the programs PostgreSQL itself names in
     * {@code postmaster.opts}. Best effort: when something cannot be known, no record is written
     * (and the next start goes through zonky again).
     */
    static void remember(Path cluster) {
        String archive = RESOLVER.chosen;
        if (archive == null) {
            return;
        }
        Optional<Path> directory =
                programsOf(cluster).map(program -> program.getParent().getParent());
        Optional<String> fingerprint = fingerprint(archive);
        if (directory.isEmpty() || fingerprint.isEmpty()) {
            return;
        }
        Known known = new Known(directory.get(), LinuxUtils.isUnshareAvailable());
        if (!whole(known)) {
            return;
        }
        Properties record = new Properties();
        record.setProperty("archive", archive);
        record.setProperty("fingerprint", fingerprint.get());
        record.setProperty("directory", known.directory().toString());
        record.setProperty("unshare", Boolean.toString(known.unshare()));
        Path file = cluster.resolve(RECORD);
        Path temporary = cluster.resolve(RECORD + ".new");
        try {
            try (Writer out = Files.newBufferedWriter(temporary)) {
                record.store(out, "The PostgreSQL binaries this cluster was last started with (OpenProfiles)");
            }
            try {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            // Only a slower next start.
        }
    }

    /** Forgets the binaries of {@code cluster}: the next start finds them through zonky. */
    static void forget(Path cluster) {
        try {
            Files.deleteIfExists(cluster.resolve(RECORD));
        } catch (IOException e) {
            // remembered() checks the record again anyway.
        }
    }

    /**
     * The program that runs the cluster's server, as PostgreSQL wrote it into
     * {@code postmaster.opts} at its last start: its absolute path, then the arguments in quotes.
     */
    static Optional<Path> programsOf(Path cluster) {
        try {
            List<String> lines = Files.readAllLines(cluster.resolve("postmaster.opts"));
            if (lines.isEmpty()) {
                return Optional.empty();
            }
            String line = lines.get(0);
            int arguments = line.indexOf(" \"");
            Path program = Path.of(arguments < 0 ? line.strip() : line.substring(0, arguments));
            return program.isAbsolute() && program.getNameCount() >= 3 ? Optional.of(program) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * What the jar's index says about {@code archive} (CRC-32 and size), or, for an archive in a
     * folder of the class path, its size and time; nothing of the archive itself is read.
     */
    static Optional<String> fingerprint(String archive) {
        return Optional.ofNullable(PostgresBinaries.class.getClassLoader().getResource(archive))
                .flatMap(PostgresBinaries::fingerprint);
    }

    /** {@link #fingerprint(String)} of the archive at {@code url}. */
    static Optional<String> fingerprint(URL url) {
        try {
            URLConnection connection = url.openConnection();
            if (connection instanceof JarURLConnection jar) {
                jar.setUseCaches(true);
                JarEntry entry = jar.getJarEntry();
                return entry == null || entry.getCrc() < 0
                        ? Optional.empty()
                        : Optional.of("crc32 " + Long.toHexString(entry.getCrc()) + " size " + entry.getSize());
            }
            if (url.getProtocol().equals("file")) {
                Path path = Path.of(url.toURI());
                return Optional.of("size " + Files.size(path) + " modified "
                        + Files.getLastModifiedTime(path).toMillis());
            }
            return Optional.empty();
        } catch (IOException | java.net.URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * True when {@code known}'s directory is complete as zonky judges it (its marker file is newer
     * than everything beside it, so nothing was removed or added since the extraction) and its
     * programs are there.
     */
    private static boolean whole(Known known) {
        File directory = known.directory().toFile();
        File marker = new File(directory, EXTRACTED);
        File[] entries = directory.listFiles(entry -> !entry.equals(marker));
        if (!marker.isFile() || entries == null) {
            return false;
        }
        long extracted = marker.lastModified();
        for (File entry : entries) {
            if (entry.lastModified() > extracted) {
                return false;
            }
        }
        return directory.lastModified() - 100 <= extracted
                && Files.isExecutable(known.program("pg_ctl"))
                && Files.isExecutable(known.program("postgres"));
    }

    /**
     * The archive for this machine, chosen as zonky's default resolver chooses it (a build for the
     * Linux distribution when the jar has one, else the system's; x86_64 on ARM Macs and Windows),
     * and remembered for {@link #remember}.
     */
    @Override
    public InputStream getPgBinary(String system, String machineHardware) throws IOException {
        String architecture = ArchUtils.normalize(machineHardware);
        List<String> candidates = new ArrayList<>();
        if (system.equals("Linux") && LinuxUtils.getDistributionName() != null) {
            candidates.add(archiveName(system, architecture + "-" + LinuxUtils.getDistributionName()));
        }
        candidates.add(archiveName(system, architecture));
        if (architecture.equals("arm_64") && (system.equals("Darwin") || system.equals("Windows"))) {
            candidates.add(archiveName(system, "x86_64"));
        }
        ClassLoader loader = PostgresBinaries.class.getClassLoader();
        for (String candidate : candidates) {
            URL url = loader.getResource(candidate);
            if (url != null) {
                chosen = candidate;
                return url.openStream();
            }
        }
        throw new IllegalStateException("no embedded PostgreSQL binaries for " + system + " " + architecture
                + " in the jar (looked for " + String.join(", ", candidates) + ")");
    }

    private static String archiveName(String system, String rest) {
        return ("postgres-" + system + "-" + rest + ".txz").replace(' ', '_').toLowerCase(Locale.ROOT);
    }
}
