package org.openprofiles.bootstrap;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.openprofiles.adapter.jdbc.shared.TableCopies;

/**
 * The backup file: a zip holding every table of one database snapshot in PostgreSQL's COPY text
 * format ({@code tables/NN-name.copy}), the sequences' positions, the CA material from
 * {@code <data dir>/ca/} ({@code ca/…}) when that folder exists, and {@code manifest.json}
 * (format version, application and schema version, per table its columns, row count and
 * SHA-256). A restore checks every count and digest before it commits.
 */
final class BackupArchive {

    /** The archive layout this build writes and reads. */
    static final int FORMAT = 1;

    static final String MANIFEST = "manifest.json";

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    /** What the archive holds. */
    record Manifest(
            @JsonProperty("format") int format,
            @JsonProperty("application") String application,
            @JsonProperty("schemaVersion") String schemaVersion,
            @JsonProperty("createdAt") String createdAt,
            @JsonProperty("tables") List<TableEntry> tables,
            @JsonProperty("sequences") List<SequenceEntry> sequences,
            @JsonProperty("files") List<FileEntry> files) {}

    /** One table's copy. */
    record TableEntry(
            @JsonProperty("name") String name,
            @JsonProperty("entry") String entry,
            @JsonProperty("columns") List<String> columns,
            @JsonProperty("rows") long rows,
            @JsonProperty("sha256") String sha256) {}

    /** A sequence's position ({@code null}: never used). */
    record SequenceEntry(
            @JsonProperty("name") String name,
            @JsonProperty("lastValue") Long lastValue) {}

    /** One file of the CA folder. */
    record FileEntry(
            @JsonProperty("path") String path,
            @JsonProperty("size") long size,
            @JsonProperty("sha256") String sha256) {}

    /** What a backup wrote. */
    record Written(Manifest manifest, long bytes) {
        long rows() {
            return manifest.tables().stream().mapToLong(TableEntry::rows).sum();
        }
    }

    private BackupArchive() {}

    /**
     * Writes the archive of the snapshot {@code connection} started ({@link TableCopies#beginSnapshot})
     * to {@code target}, through a temporary file that only a complete archive replaces it with.
     */
    static Written write(
            Connection connection,
            String schemaVersion,
            Optional<Path> caDir,
            Path target,
            Progress.Factory progress,
            Interruption interruption)
            throws SQLException, IOException {
        List<TableCopies.Table> tables = TableCopies.tables(connection);
        Map<String, Long> counts = TableCopies.rowCounts(connection, tables);
        List<TableCopies.SequenceState> sequences = TableCopies.sequences(connection);
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        Progress rows = progress.start(
                "backup",
                "rows",
                counts.values().stream().mapToLong(Long::longValue).sum());
        List<TableEntry> tableEntries = new ArrayList<>();
        List<FileEntry> fileEntries = new ArrayList<>();
        boolean complete = false;
        try (OutputStream file = Files.newOutputStream(partial);
                ZipOutputStream zip = new ZipOutputStream(file)) {
            int n = 0;
            for (TableCopies.Table table : tables) {
                stopIfAsked(interruption);
                String entry = String.format(java.util.Locale.ROOT, "tables/%02d-%s.copy", ++n, table.name());
                zip.putNextEntry(new ZipEntry(entry));
                MessageDigest digest = sha256();
                long[] reported = {0};
                long copied = TableCopies.copyOut(
                        connection, table, new DigestOutputStream(new Unclosable(zip), digest), soFar -> {
                            rows.advance(soFar - reported[0]);
                            reported[0] = soFar;
                        });
                zip.closeEntry();
                tableEntries.add(new TableEntry(table.name(), entry, table.columns(), copied, hex(digest)));
            }
            if (caDir.isPresent() && Files.isDirectory(caDir.get())) {
                for (Path path : files(caDir.get())) {
                    stopIfAsked(interruption);
                    String entry =
                            "ca/" + caDir.get().relativize(path).toString().replace('\\', '/');
                    zip.putNextEntry(new ZipEntry(entry));
                    MessageDigest digest = sha256();
                    long size = Files.copy(path, new DigestOutputStream(new Unclosable(zip), digest));
                    zip.closeEntry();
                    fileEntries.add(new FileEntry(entry, size, hex(digest)));
                }
            }
            Manifest manifest = new Manifest(
                    FORMAT,
                    Cli.Version.number(),
                    schemaVersion,
                    Instant.now().toString(),
                    tableEntries,
                    sequences.stream()
                            .map(s -> new SequenceEntry(s.name(), s.lastValue().orElse(null)))
                            .toList(),
                    fileEntries);
            zip.putNextEntry(new ZipEntry(MANIFEST));
            zip.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
            zip.closeEntry();
            zip.finish();
            file.flush();
            complete = true;
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Written written = new Written(manifest, Files.size(target));
            rows.finish("Backup written to " + target + ": " + tables.size() + " tables, " + fileEntries.size()
                    + " CA file(s), schema version " + schemaVersion);
            return written;
        } finally {
            if (!complete) {
                Files.deleteIfExists(partial);
            }
        }
    }

    /** Reads the manifest of an archive, refusing one this build cannot restore. */
    static Manifest manifest(ZipFile zip) throws IOException {
        ZipEntry entry = zip.getEntry(MANIFEST);
        if (entry == null) {
            throw new Cli.Refused(zip.getName() + " is not an OpenProfiles backup (no " + MANIFEST + ")");
        }
        Manifest manifest;
        try (InputStream in = zip.getInputStream(entry)) {
            manifest = JSON.readValue(in, Manifest.class);
        }
        if (manifest.format() != FORMAT) {
            throw new Cli.Refused(
                    zip.getName() + " has archive format " + manifest.format() + "; this build reads " + FORMAT);
        }
        return manifest;
    }

    /** Loads every table of the archive into the (emptied) tables of {@code connection}'s transaction, checking each. */
    static long load(ZipFile zip, Manifest manifest, Connection connection, Progress rows, Interruption interruption)
            throws SQLException, IOException {
        List<TableCopies.Table> tables = TableCopies.tables(connection);
        List<String> here =
                tables.stream().map(t -> t.name() + t.columns()).sorted().toList();
        List<String> there = manifest.tables().stream()
                .map(t -> t.name() + t.columns())
                .sorted()
                .toList();
        if (!here.equals(there)) {
            throw new Cli.Refused("the archive's tables do not match this database's schema at version "
                    + manifest.schemaVersion() + "; expected " + here + ", archive has " + there);
        }
        TableCopies.truncateAll(connection, tables);
        long total = 0;
        for (TableCopies.Table table : tables) {
            stopIfAsked(interruption);
            TableEntry entry = manifest.tables().stream()
                    .filter(t -> t.name().equals(table.name()))
                    .findFirst()
                    .orElseThrow();
            MessageDigest digest = sha256();
            long loaded;
            try (InputStream in = new DigestInputStream(zip.getInputStream(zip.getEntry(entry.entry())), digest)) {
                loaded = TableCopies.copyIn(connection, table, in);
            }
            if (loaded != entry.rows() || !hex(digest).equals(entry.sha256())) {
                throw new Cli.Refused("the archive is damaged: table " + table.name() + " has " + loaded
                        + " rows (manifest: " + entry.rows() + ") or a different digest");
            }
            rows.advance(loaded);
            total += loaded;
        }
        TableCopies.restoreSequences(
                connection,
                manifest.sequences().stream()
                        .map(s -> new TableCopies.SequenceState(s.name(), Optional.ofNullable(s.lastValue())))
                        .toList());
        return total;
    }

    /** Writes the archive's CA files into {@code caDir}, checking each digest. */
    static void extractFiles(ZipFile zip, Manifest manifest, Path caDir) throws IOException {
        for (FileEntry file : manifest.files()) {
            Path target = caDir.resolve(file.path().substring("ca/".length())).normalize();
            if (!target.startsWith(caDir)) {
                throw new Cli.Refused("the archive names a file outside the CA folder: " + file.path());
            }
            Files.createDirectories(target.getParent());
            MessageDigest digest = sha256();
            try (InputStream in = new DigestInputStream(zip.getInputStream(zip.getEntry(file.path())), digest)) {
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            }
            if (!hex(digest).equals(file.sha256())) {
                throw new Cli.Refused("the archive is damaged: " + file.path() + " has a different digest");
            }
        }
    }

    static void stopIfAsked(Interruption interruption) {
        if (interruption.requested()) {
            throw new Stopped();
        }
    }

    /** Thrown where work stops for Ctrl-C; the command says what was committed. */
    static final class Stopped extends RuntimeException {
        Stopped() {
            super("stopped", null, false, false);
        }
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Keeps a table's copy from closing the whole zip. */
    private static final class Unclosable extends java.io.FilterOutputStream {
        Unclosable(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
