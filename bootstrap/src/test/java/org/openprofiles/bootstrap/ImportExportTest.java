package org.openprofiles.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openprofiles.adapter.jdbc.testing.PostgresExtension;
import org.openprofiles.adapter.jdbc.testing.TestDatabase;

/** {@code export} from one running server and {@code import} into another, each in its own JVM, through the routes. */
@ExtendWith(PostgresExtension.class)
class ImportExportTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void exportedTemplatesAndAccessProfilesImportIntoAnotherServerUnchanged(TestDatabase db) throws Exception {
        String otherUrl = TestServers.createEmptyDatabase(db.url());
        try (Server source = Server.start(TestServers.on(db));
                Server target = Server.start(TestServers.build(Config.builder()
                        .with(Config.HTTP_PORT, "0")
                        .with(Config.DB_URL, otherUrl)
                        .with(Config.ADMIN_TOKEN, TestServers.ADMIN_TOKEN)))) {
            new DemoData(source.uri(), Optional.empty())
                    .load(TestServers.ADMIN_TOKEN, true, new PrintStream(OutputStream.nullOutputStream()));
            Map<String, String> env = Map.of("PROFILES_TOKEN", TestServers.ADMIN_TOKEN);
            for (String kind : List.of("templates", "access-profiles")) {
                Path file = dir.resolve(kind + ".json");
                MainProcessTest.Run export = MainProcessTest.runMain(
                        env,
                        "export",
                        kind,
                        file.toString(),
                        "--url",
                        source.uri().toString());
                assertEquals(0, export.exitCode(), export.err());
                assertTrue(export.out().contains("Exported "), export.out());
                MainProcessTest.Run imported = MainProcessTest.runMain(
                        env,
                        "import",
                        kind,
                        file.toString(),
                        "--url",
                        target.uri().toString());
                assertEquals(0, imported.exitCode(), imported.out() + imported.err());
            }
            Http from = new Http(source.uri());
            Http to = new Http(target.uri());
            assertEquals(
                    withoutDates(from.get("/admin/v1/profile-templates", TestUsers.admin())
                            .body()),
                    withoutDates(to.get("/admin/v1/profile-templates", TestUsers.admin())
                            .body()));
            assertEquals(
                    withoutDates(from.get("/api/v1/Profiles", TestUsers.admin()).body()),
                    withoutDates(to.get("/api/v1/Profiles", TestUsers.admin()).body()));
        }
    }

    @Test
    void aRefusedBatchSaysHowManyItemsAreCommittedAndExitsWithThree(TestDatabase db) throws Exception {
        String emptyUrl = TestServers.createEmptyDatabase(db.url());
        try (Server server = Server.start(TestServers.build(Config.builder()
                .with(Config.HTTP_PORT, "0")
                .with(Config.DB_URL, emptyUrl)
                .with(Config.ADMIN_TOKEN, TestServers.ADMIN_TOKEN)))) {
            Path file = dir.resolve("profiles.json");
            try (var in = DemoData.class.getResourceAsStream("demo/certificate-profiles.json")) {
                Files.copy(in, file);
            }
            // No templates and no owner here: the server refuses the batch as a whole.
            MainProcessTest.Run run = MainProcessTest.runMain(
                    Map.of("PROFILES_TOKEN", TestServers.ADMIN_TOKEN),
                    "import",
                    "certificate-profiles",
                    file.toString(),
                    "--url",
                    server.uri().toString());
            assertEquals(3, run.exitCode(), run.err());
            assertTrue(run.err().contains("0 of 3 items are committed"), run.err());
            assertTrue(run.err().contains("unknown_template"), run.err());
        }
    }

    @Test
    void usersImportFromAFileThroughTheBulkUserRoute(TestDatabase db) throws Exception {
        try (Server server = Server.start(TestServers.on(db))) {
            Path file = dir.resolve("users.json");
            StringBuilder users = new StringBuilder("[");
            for (int i = 0; i < 25; i++) {
                users.append(i == 0 ? "" : ",")
                        .append("{\"login\":\"cli-user-")
                        .append(i)
                        .append("\",\"roles\":[\"profile-reader\"]}");
            }
            Files.writeString(file, users.append("]").toString());
            MainProcessTest.Run run = MainProcessTest.runMain(
                    Map.of("PROFILES_TOKEN", TestServers.ADMIN_TOKEN),
                    "import",
                    "users",
                    file.toString(),
                    "--url",
                    server.uri().toString());
            assertEquals(0, run.exitCode(), run.out() + run.err());
            assertEquals(
                    Integer.valueOf(25),
                    db.jdbi()
                            .withHandle(
                                    h -> h.createQuery("SELECT count(*) FROM app_user WHERE login LIKE 'cli-user-%' "
                                                    + "AND roles = ARRAY['profile-reader']")
                                            .mapTo(Integer.class)
                                            .one()));
            assertEquals(
                    Integer.valueOf(1),
                    db.jdbi()
                            .withHandle(
                                    h -> h.createQuery("SELECT count(*) FROM audit_event WHERE action = 'user.import'")
                                            .mapTo(Integer.class)
                                            .one()),
                    "one call, one audit event");
        }
    }

    @Test
    void kindsWithoutAListRouteAreRefusedForExport() throws Exception {
        MainProcessTest.Run run = MainProcessTest.runMain(
                Map.of("PROFILES_TOKEN", "x"),
                "export",
                "certificate-profiles",
                dir.resolve("x.json").toString());
        assertEquals(3, run.exitCode());
        assertTrue(run.err().contains("'backup' keeps them"), run.err());
    }

    private static JsonNode withoutDates(String body) throws Exception {
        JsonNode tree = JSON.readTree(body);
        for (JsonNode item : tree) {
            ((ObjectNode) item)
                    .remove(List.of("createdAt", "updatedAt", "creationDateTimeLocal", "lastModifiedDateTimeLocal"));
        }
        return tree;
    }
}
