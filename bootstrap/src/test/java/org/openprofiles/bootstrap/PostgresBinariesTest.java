package org.openprofiles.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.io.Reader;
import java.io.Writer;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.zip.CRC32;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A restart runs the PostgreSQL binaries its cluster was last started with, found without reading
 * their archive and started without zonky's pauses, as durably as before; a record that names
 * another archive, a directory changed since its extraction, or binaries that do not start send
 * the start through zonky as before.
 */
class PostgresBinariesTest {

    @TempDir
    Path dataDir;

    @TempDir
    Path elsewhere;

    @BeforeEach
    void copyCluster() {
        TestClusters.copyInto(dataDir);
        PostgresBinaries.forget(cluster());
    }

    private Path cluster() {
        return dataDir.resolve("postgres");
    }

    /** zonky always puts {@code -F} on PostgreSQL's command line (which PostgreSQL writes into postmaster.opts); this launcher does not. */
    private boolean startedByZonky() throws IOException {
        return Files.readString(cluster().resolve("postmaster.opts")).contains("\"-F\"");
    }

    @Test
    void aStartThroughZonkyRemembersTheBinariesAndTheNextStartRunsThemDirectlyAndDurably() throws Exception {
        try (EmbeddedDatabase first = EmbeddedDatabase.start(dataDir)) {
            assertTrue(startedByZonky(), "nothing remembered yet: zonky starts it");
        }
        PostgresBinaries.Known known = PostgresBinaries.remembered(cluster()).orElseThrow();
        assertTrue(Files.isExecutable(known.program("postgres")), known.toString());

        try (EmbeddedDatabase second = EmbeddedDatabase.start(dataDir)) {
            assertFalse(startedByZonky(), Files.readString(cluster().resolve("postmaster.opts")));
            assertEquals(
                    known.program("postgres"),
                    PostgresBinaries.programsOf(cluster()).orElseThrow());
            assertEquals(
                    Map.of("fsync", "on", "synchronous_commit", "on", "full_page_writes", "on"),
                    durabilitySettings(second));
            assertTrue(second.running());
        }
        assertFalse(
                PostmasterPid.read(cluster()).flatMap(PostmasterPid::process).isPresent(),
                "closing stops the PostgreSQL it started");
    }

    @Test
    void aRecordOfAnotherArchiveOrOfADirectoryChangedSinceItsExtractionIsNotUsed() throws Exception {
        try (EmbeddedDatabase first = EmbeddedDatabase.start(dataDir)) {
            // writes the record
        }
        Properties record = record();
        String fingerprint = record.getProperty("fingerprint");

        record.setProperty("fingerprint", "crc32 0 size 1");
        write(record);
        assertTrue(PostgresBinaries.remembered(cluster()).isEmpty(), "the jar now carries another archive");

        record.setProperty("fingerprint", fingerprint);
        write(fakeBinaries(record, "exit 1"));
        assertTrue(PostgresBinaries.remembered(cluster()).isPresent(), "a whole directory is used");
        Files.writeString(elsewhere.resolve("bin").resolve("added-later"), "");
        Files.setLastModifiedTime(elsewhere.resolve("bin"), FileTime.fromMillis(System.currentTimeMillis() + 60_000));
        assertTrue(PostgresBinaries.remembered(cluster()).isEmpty(), "changed after its extraction");
    }

    @Test
    void rememberedBinariesThatDoNotStartAreForgottenAndZonkyStartsTheCluster() throws Exception {
        try (EmbeddedDatabase first = EmbeddedDatabase.start(dataDir)) {
            // writes the record
        }
        Properties real = record();
        write(fakeBinaries(record(), "echo 'pg_ctl: could not start server'; exit 1"));

        try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDir)) {
            assertTrue(startedByZonky());
            assertTrue(database.running());
        }
        assertEquals(real.getProperty("directory"), record().getProperty("directory"), "the real ones again");
    }

    @Test
    void theArchivesFingerprintComesFromTheJarsIndexWithoutReadingTheArchive() throws Exception {
        Path jar = elsewhere.resolve("binaries.jar");
        byte[] archive = new byte[256 * 1024];
        new Random(7).nextBytes(archive);
        CRC32 crc = new CRC32();
        crc.update(archive);
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file)) {
            out.putNextEntry(new JarEntry("postgres-test.txz"));
            out.write(archive);
            out.closeEntry();
        }
        // Damage the archive's bytes (not the index at the end of the file): reading it fails now.
        try (RandomAccessFile file = new RandomAccessFile(jar.toFile(), "rw")) {
            file.seek(file.length() / 2);
            file.write(new byte[4096]);
        }
        URL url = new URL("jar:" + jar.toUri() + "!/postgres-test.txz");
        assertThrows(IOException.class, () -> {
            try (InputStream in = url.openStream()) {
                in.readAllBytes();
            }
        });

        assertEquals(
                "crc32 " + Long.toHexString(crc.getValue()) + " size " + archive.length,
                PostgresBinaries.fingerprint(url).orElseThrow());
    }

    /** A binaries directory in {@link #elsewhere}, extracted as zonky marks it, whose programs run {@code script}. */
    private Properties fakeBinaries(Properties record, String script) throws IOException {
        Path bin = Files.createDirectories(elsewhere.resolve("bin"));
        for (String program : new String[] {"pg_ctl", "postgres"}) {
            Path file = bin.resolve(program);
            Files.writeString(file, "#!/bin/sh\n" + script + "\n");
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
        }
        Path marker = elsewhere.resolve(".exists");
        Files.writeString(marker, "");
        Files.setLastModifiedTime(marker, FileTime.fromMillis(System.currentTimeMillis() + 1_000));
        Properties fake = new Properties();
        fake.putAll(record);
        fake.setProperty("directory", elsewhere.toString());
        return fake;
    }

    private Properties record() throws IOException {
        Properties record = new Properties();
        try (Reader in = Files.newBufferedReader(cluster().resolve(PostgresBinaries.RECORD))) {
            record.load(in);
        }
        return record;
    }

    private void write(Properties record) throws IOException {
        try (Writer out = Files.newBufferedWriter(cluster().resolve(PostgresBinaries.RECORD))) {
            record.store(out, null);
        }
    }

    private static Map<String, String> durabilitySettings(EmbeddedDatabase database) throws Exception {
        Map<String, String> settings = new HashMap<>();
        try (Connection connection =
                        DriverManager.getConnection(database.settings(1).url(), "postgres", "");
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT name, setting FROM pg_settings WHERE name IN "
                        + "('fsync', 'synchronous_commit', 'full_page_writes')")) {
            while (rows.next()) {
                settings.put(rows.getString(1), rows.getString(2));
            }
        }
        return settings;
    }
}
