package org.openprofiles.bootstrap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openprofiles.adapter.jdbc.shared.TableCopies;
import org.openprofiles.adapter.jdbc.testing.PostgresExtension;
import org.openprofiles.adapter.jdbc.testing.TestDatabase;

/**
 * {@code backup} while the server runs, then {@code restore} into a new, empty database (no
 * schema at all): every row of every table, every sequence and the CA folder come back exactly.
 * Both commands run as an operator runs them, in their own JVM.
 */
@ExtendWith(PostgresExtension.class)
class BackupRestoreTest {

    @TempDir
    Path dir;

    @Test
    void aBackupTakenWhileServingRestoresIntoAnEmptyDatabaseRowForRow(TestDatabase source) throws Exception {
        Path archive = dir.resolve("backup.zip");
        Path sourceData = Files.createDirectories(dir.resolve("source"));
        byte[] caKeys = UUID.randomUUID().toString().getBytes();
        Files.createDirectories(sourceData.resolve("ca/issuing"));
        Files.write(sourceData.resolve("ca/issuing/keystore.p12"), caKeys);
        try (Server server = Server.start(TestServers.on(source))) {
            Map<String, String> tokens = new DemoData(server.uri(), Optional.empty())
                    .load(TestServers.ADMIN_TOKEN, true, new PrintStream(OutputStream.nullOutputStream()));
            Http http = new Http(server.uri());
            // A request too, so that identity sequences and the request tables have rows.
            assertEquals(
                    201,
                    http.post(
                                    CertificateFixtures.CM + "/requests",
                                    """
                    {"profiletemplateuuid":"8f31803f-8afc-49bb-911d-402ec264b589","datacollection":"[]","target":"current",
                     "type":"Disable","comment":"","priority":"0","profile":"5ad77b40-aa42-4533-9396-c9c59fd021a8"}
                    """,
                                    "Authorization",
                                    "Bearer " + tokens.get("example-owner"))
                            .statusCode());

            MainProcessTest.Run backup =
                    MainProcessTest.runMain(env(source.url(), sourceData), "backup", archive.toString());
            assertEquals(0, backup.exitCode(), backup.err());
            assertTrue(backup.out().contains("Backup written to " + archive), backup.out());
        }
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            assertTrue(zip.getEntry("manifest.json") != null);
            assertTrue(zip.getEntry("ca/issuing/keystore.p12") != null);
        }

        String target = TestServers.createEmptyDatabase(source.url());
        Path targetData = dir.resolve("target");
        MainProcessTest.Run restore = MainProcessTest.runMain(env(target, targetData), "restore", archive.toString());
        assertEquals(0, restore.exitCode(), restore.out() + restore.err());

        Map<String, String> before = fingerprint(source.url());
        Map<String, String> after = fingerprint(target);
        assertTrue(
                before.keySet()
                        .containsAll(List.of(
                                "app_user",
                                "api_token",
                                "audit_event",
                                "certificate_profile",
                                "certificate_request",
                                "access_profile",
                                "directory_account",
                                "profile_assignment")),
                before.toString());
        assertEquals(before, after);
        assertArrayEquals(caKeys, Files.readAllBytes(targetData.resolve("ca/issuing/keystore.p12")));

        MainProcessTest.Run again =
                MainProcessTest.runMain(env(target, dir.resolve("third")), "restore", archive.toString());
        assertEquals(3, again.exitCode(), "a database with data is refused: " + again.err());
        assertTrue(again.err().contains("not empty"), again.err());
        assertEquals(after, fingerprint(target), "a refused restore changes nothing");
    }

    @Test
    void aFileThatIsNotABackupIsRefused(TestDatabase database) throws Exception {
        Path notABackup = Files.writeString(dir.resolve("x.zip"), "hello");
        MainProcessTest.Run restore =
                MainProcessTest.runMain(env(database.url(), dir), "restore", notABackup.toString());
        assertTrue(restore.exitCode() != 0, restore.err());
        assertEquals(1, restore.err().strip().lines().count(), restore.err());
    }

    private static Map<String, String> env(String url, Path dataDir) {
        return Map.of("PROFILES_DB_URL", url, "PROFILES_DB_USER", "postgres", "PROFILES_DATA_DIR", dataDir.toString());
    }

    /** Per table, a digest of all its rows in a fixed order; per sequence, its position. */
    private static Map<String, String> fingerprint(String url) throws Exception {
        Map<String, String> digests = new LinkedHashMap<>();
        try (Connection connection = DriverManager.getConnection(url, "postgres", "");
                Statement statement = connection.createStatement()) {
            for (TableCopies.Table table : TableCopies.tables(connection)) {
                try (ResultSet row =
                        statement.executeQuery("SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, "
                                + "E'\\n' ORDER BY t::text)), '') FROM \"" + table.name() + "\" t")) {
                    row.next();
                    digests.put(table.name(), row.getString(1));
                }
            }
            for (TableCopies.SequenceState sequence : TableCopies.sequences(connection)) {
                digests.put("sequence " + sequence.name(), String.valueOf(sequence.lastValue()));
            }
        }
        return digests;
    }
}
