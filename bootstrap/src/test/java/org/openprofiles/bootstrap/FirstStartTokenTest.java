package org.openprofiles.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openprofiles.adapter.jdbc.testing.PostgresExtension;
import org.openprofiles.adapter.jdbc.testing.TestDatabase;

/**
 * The first-start admin token is never lost: a first start that fails once the database is set up
 * (the port is taken) creates no admin, so the next start creates one and shows its token; and an
 * operator who lost every token gets a new one from {@code admin reset-token}, audited.
 */
@ExtendWith(PostgresExtension.class)
class FirstStartTokenTest {

    private static final Pattern TOKEN = Pattern.compile("API token for .+?: ([A-Za-z0-9_-]{43})");
    private static final Pattern NEW_TOKEN = Pattern.compile("New API token: ([A-Za-z0-9_-]{43})");

    @Test
    void aFirstStartThatCannotBindLeavesNoAdminBehindAndTheNextStartPrintsTheToken(TestDatabase sibling)
            throws Exception {
        String url = TestServers.createEmptyDatabase(sibling.url());
        Map<String, String> env = Map.of("PROFILES_DB_URL", url, "PROFILES_DB_USER", "postgres");
        org.jdbi.v3.core.Jdbi db = org.jdbi.v3.core.Jdbi.create(url, "postgres", "");
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            MainProcessTest.Run failed =
                    MainProcessTest.runMain(env, "--http-port", String.valueOf(taken.getLocalPort()));
            assertEquals(1, failed.exitCode(), failed.err());
            assertTrue(failed.err().contains("cannot listen on 127.0.0.1:" + taken.getLocalPort()), failed.err());
            assertFalse(failed.out().contains("API token"), "no token was made, so none is lost: " + failed.out());
        }
        long admins = db.withHandle(h ->
                h.createQuery("SELECT count(*) FROM app_user").mapTo(Long.class).one());
        assertEquals(0, admins, "the failed start created no admin");
        long migrations = db.withHandle(h -> h.createQuery("SELECT count(*) FROM flyway_schema_history")
                .mapTo(Long.class)
                .one());
        assertTrue(migrations > 0, "the database had been set up before the port failed");

        try (Server second = Server.start(Config.load(env, "--http-port", "0"))) {
            String token = second.firstStart().generatedToken().orElseThrow();
            assertEquals(
                    200,
                    new Http(second.uri())
                            .get("/admin/v1/users", "Authorization", "Bearer " + token)
                            .statusCode());
        }
    }

    @Test
    void resetTokenGivesALockedOutOperatorANewTokenAndRevokesTheOldOnes(TestDatabase db) throws Exception {
        Map<String, String> env = Map.of("PROFILES_DB_URL", db.url(), "PROFILES_DB_USER", "postgres");
        try (Server server = Server.start(TestServers.on(db))) {
            Http http = new Http(server.uri());
            assertEquals(200, http.get("/admin/v1/users", TestUsers.admin()).statusCode());

            // While the server runs: the command works on the database directly.
            MainProcessTest.Run reset = MainProcessTest.runMain(env, "admin", "reset-token");
            assertEquals(0, reset.exitCode(), reset.err());
            Matcher fresh = NEW_TOKEN.matcher(reset.out());
            assertTrue(fresh.find(), reset.out());
            assertTrue(reset.out().contains("Revoked 1 token(s) of 'admin'"), reset.out());

            assertEquals(401, http.get("/admin/v1/users", TestUsers.admin()).statusCode(), "the old token is revoked");
            assertEquals(
                    200,
                    http.get("/admin/v1/users", "Authorization", "Bearer " + fresh.group(1))
                            .statusCode());
            String audit = http.get("/admin/v1/audit?action=token.reset", "Authorization", "Bearer " + fresh.group(1))
                    .body();
            assertTrue(audit.contains("\"via\":\"command line\""), audit);
            assertTrue(audit.contains("\"operator\":\"" + System.getProperty("user.name") + "\""), audit);

            MainProcessTest.Run created = MainProcessTest.runMain(env, "admin", "create-token", "--name", "ci");
            assertEquals(0, created.exitCode(), created.err());
            Matcher another = TOKEN.matcher(created.out());
            assertTrue(another.find(), created.out());
            assertEquals(
                    200,
                    http.get("/admin/v1/users", "Authorization", "Bearer " + another.group(1))
                            .statusCode());
            assertEquals(
                    200,
                    http.get("/admin/v1/users", "Authorization", "Bearer " + fresh.group(1))
                            .statusCode(),
                    "create-token keeps the other tokens");
        }
    }

    @Test
    void aTokenForAnUnknownUserIsRefusedWithExitCodeThree(TestDatabase db) throws Exception {
        MainProcessTest.Run run = MainProcessTest.runMain(
                Map.of("PROFILES_DB_URL", db.url(), "PROFILES_DB_USER", "postgres"),
                "admin",
                "create-token",
                "--login",
                "nobody");
        assertEquals(3, run.exitCode(), run.err());
        assertEquals("openprofiles: there is no user 'nobody'", run.err().strip());
    }
}
