package org.openprofiles.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openprofiles.adapter.jdbc.testing.PostgresExtension;
import org.openprofiles.adapter.jdbc.testing.TestDatabase;
import org.openprofiles.application.access.ImportDirectory;
import org.openprofiles.application.certificate.ImportCertificateProfiles;
import org.openprofiles.application.security.ImportUsers;
import org.openprofiles.domain.security.Role;

/**
 * Request bodies cannot take the server's threads or memory: they are received without a thread
 * waiting for them, within a time limit, up to a per-route size limit, from a shared memory
 * budget, and only after the caller was authenticated and allowed on the route. Real sockets,
 * small limits (64 KiB ordinary, 1 MiB bulk, 2 MiB budget, 2 s, 8 KiB of headers).
 */
@ExtendWith(PostgresExtension.class)
class RequestLimitsTest {

    private static final String CREATE_UPDATE = "/api/v1/Profiles/CreateUpdate";
    /** An ordinary (not bulk) route open to every user. */
    private static final String REQUESTS = "/CertificateManagement/api/v1.0/requests";

    private static final String GROUPS = "/admin/v1/directory/groups";

    private static Server server;
    private static Http http;
    private static TestUsers.Caller manager;
    private static TestUsers.Caller reader;

    @BeforeAll
    static void start(TestDatabase database) {
        server = Server.start(TestServers.build(TestServers.builder(database)
                .with(Config.HTTP_MAX_BODY_KIB, "64")
                .with(Config.HTTP_MAX_BULK_BODY_MIB, "1")
                .with(Config.HTTP_BODY_BUFFER_MIB, "2")
                .with(Config.HTTP_BODY_TIMEOUT_SECONDS, "2")
                .with(Config.HTTP_MAX_HEADER_KIB, "8")));
        http = new Http(server.uri());
        manager = TestUsers.create(server, "limits-manager", Role.PROFILE_MANAGER);
        reader = TestUsers.create(server, "limits-reader", Role.PROFILE_READER);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static RawHttp raw() {
        return new RawHttp(server.uri());
    }

    /** A connection that sent the head of a JSON POST to {@code path}, and no body yet. */
    private static RawHttp post(String path, String bearer, String... headers) {
        List<String> all = new ArrayList<>(List.of("Authorization", bearer, "Content-Type", "application/json"));
        all.addAll(List.of(headers));
        return raw().head("POST", path, all.toArray(String[]::new));
    }

    private static void assertProblem(RawHttp.Answer answer, int status, String code) {
        assertEquals(status, answer.status(), answer.body());
        assertEquals("application/problem+json", answer.header("Content-Type"));
        assertTrue(answer.body().contains("\"code\":\"" + code + "\""), answer.body());
        assertEquals("no-store", answer.header("Cache-Control"));
        assertEquals("nosniff", answer.header("X-Content-Type-Options"));
    }

    @Test
    void anOverLargeContentLengthIsRefusedWith413BeforeTheBodyIsSent() {
        try (RawHttp client = post(REQUESTS, manager.bearer(), "Content-Length", String.valueOf(64 * 1024 + 1))) {
            RawHttp.Answer answer = client.read(5_000);
            assertProblem(answer, 413, "body_too_large");
            assertEquals("close", answer.header("Connection"));
        }
    }

    @Test
    void aStreamedBodyIsRefusedWith413AsSoonAsItPassesTheLimit() {
        try (RawHttp client = post(REQUESTS, manager.bearer(), "Transfer-Encoding", "chunked")) {
            String chunk = "x".repeat(16 * 1024);
            for (int i = 0; i < 6; i++) {
                client.trySend(Integer.toHexString(chunk.length()) + "\r\n" + chunk + "\r\n");
            }
            // 96 KiB sent and the body not finished: the answer comes without its end.
            assertProblem(client.read(5_000), 413, "body_too_large");
        }
    }

    @Test
    void aBulkRouteTakesABodyLargerThanTheOrdinaryLimitAndACallerWithoutItsRoleSendsNone() {
        StringBuilder groups = new StringBuilder("[");
        for (int i = 0; i < 1_500; i++) {
            groups.append(i == 0 ? "" : ",")
                    .append("{\"id\":\"")
                    .append(UUID.randomUUID())
                    .append("\",\"name\":\"limits-group-")
                    .append(i)
                    .append("\"}");
        }
        String body = groups.append(']').toString();
        assertTrue(body.length() > 64 * 1024, "larger than the ordinary limit: " + body.length());
        HttpResponse<String> loaded = http.post(GROUPS, body, TestUsers.admin());
        assertEquals(200, loaded.statusCode(), loaded.body());

        try (RawHttp client = post(GROUPS, manager.bearer(), "Content-Length", String.valueOf(body.length()))) {
            RawHttp.Answer answer = client.read(5_000);
            assertEquals(403, answer.status(), "refused before any of the body was sent: " + answer.body());
            assertEquals("close", answer.header("Connection"));
        }
    }

    @Test
    void theBulkUserImportTakesABodyLargerThanTheOrdinaryLimit() {
        StringBuilder users = new StringBuilder("[");
        String run = UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 1_500; i++) {
            users.append(i == 0 ? "" : ",")
                    .append("{\"login\":\"limits-")
                    .append(run)
                    .append('-')
                    .append(i)
                    .append("\",\"displayName\":\"A user of the limits test, number ")
                    .append(i)
                    .append("\",\"roles\":[]}");
        }
        String body = users.append(']').toString();
        assertTrue(body.length() > 64 * 1024, "larger than the ordinary limit: " + body.length());
        HttpResponse<String> imported = http.post("/admin/v1/users/import", body, TestUsers.admin());
        assertEquals(200, imported.statusCode(), imported.body());
        assertTrue(imported.body().contains("\"imported\":1500"), imported.body());
    }

    @Test
    void aBulkImportIsRefusedAtTheFirstItemBeyondItsLimitWithoutReadingTheRest() {
        // Items beyond the limit, then not JSON at all: read whole, this would be malformed JSON.
        String groups = "[" + "{},".repeat(ImportDirectory.MAX_BATCH + 1) + "this is never read";
        HttpResponse<String> refused = http.post(GROUPS, groups, TestUsers.admin());
        assertEquals(400, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("\"code\":\"too_many\""), refused.body());
        String profiles = "[" + "{},".repeat(ImportCertificateProfiles.MAX_ITEMS + 1) + "this is never read";
        HttpResponse<String> tooMany = http.post("/admin/v1/certificate-profiles/import", profiles, TestUsers.admin());
        assertEquals(400, tooMany.statusCode(), tooMany.body());
        assertTrue(tooMany.body().contains("\"code\":\"too_many_profiles\""), tooMany.body());
        String users = "[" + "{},".repeat(ImportUsers.MAX_ITEMS + 1) + "this is never read";
        HttpResponse<String> tooManyUsers = http.post("/admin/v1/users/import", users, TestUsers.admin());
        assertEquals(400, tooManyUsers.statusCode(), tooManyUsers.body());
        assertTrue(tooManyUsers.body().contains("\"code\":\"too_many_users\""), tooManyUsers.body());
        HttpResponse<String> itemAtFault = http.post(GROUPS, "[{}, {\"name\": 5, \"nope\": 1}]", TestUsers.admin());
        assertEquals(400, itemAtFault.statusCode(), itemAtFault.body());
        assertTrue(itemAtFault.body().contains("\"field\":\"[1]."), "the item is named: " + itemAtFault.body());
    }

    @Test
    void anUnauthenticatedCallerIsRefusedBeforeTheBodyIsSent() {
        try (RawHttp client = raw()) {
            client.head("POST", GROUPS, "Content-Type", "application/json", "Content-Length", "500000");
            RawHttp.Answer answer = client.read(5_000);
            assertEquals(401, answer.status(), answer.body());
            assertEquals("Bearer", answer.header("WWW-Authenticate"));
        }
    }

    @Test
    void headersOverTheLimitGet431WithAProblemBody() {
        try (RawHttp client = raw()) {
            client.head("GET", "/health", "X-Padding", "p".repeat(9 * 1024));
            assertProblem(client.read(5_000), 431, "header_too_large");
        }
        try (RawHttp client = raw()) {
            String[] many = new String[2 * 150];
            for (int i = 0; i < 150; i++) {
                many[2 * i] = "X-Field-" + i;
                many[2 * i + 1] = "v";
            }
            client.head("GET", "/health", many);
            assertProblem(client.read(5_000), 431, "header_too_large");
        }
        assertEquals(200, http.get("/health").statusCode(), "the server is fine");
    }

    @Test
    void aRequestTheHttpParserRefusesGetsAProblemBodyToo() {
        try (RawHttp client = raw()) {
            client.head("POST", REQUESTS, "Content-Length", "12", "Content-Length", "13");
            assertProblem(client.read(5_000), 400, "malformed_request");
        }
        try (RawHttp client = raw()) {
            client.send("GET /" + "a".repeat(9 * 1024) + " HTTP/1.1\r\nHost: localhost\r\n\r\n");
            RawHttp.Answer answer = client.read(5_000);
            assertTrue(answer.status() == 414 || answer.status() == 431, "too long a request line: " + answer.status());
            assertEquals("application/problem+json", answer.header("Content-Type"), answer.toString());
        }
    }

    @Test
    void aBodyThatDoesNotArriveInTimeIsAnswered408AndItsMemoryGivenBack() {
        try (RawHttp client = post(CREATE_UPDATE, manager.bearer(), "Content-Length", "1000")) {
            client.send("{\"name\":");
            long started = System.nanoTime();
            assertProblem(client.read(10_000), 408, "body_timeout");
            long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            assertTrue(waited >= 1_500, "after the 2 s timeout, not before: " + waited + " ms");
            assertTrue(client.closedWithin(5_000), "the connection is closed");
        }
        waitUntilNoBodyIsHeld();
    }

    @Test
    void expect100ContinueForAnOverLargeBodyGetsTheRefusalInsteadOfContinue() {
        try (RawHttp client = post(REQUESTS, manager.bearer(), "Expect", "100-continue", "Content-Length", "100000")) {
            RawHttp.Answer answer = client.read(5_000);
            assertProblem(answer, 413, "body_too_large");
        }
        String body = "{\"name\":\"Continued\",\"color\":2}";
        try (RawHttp client =
                post(CREATE_UPDATE, manager.bearer(), "Expect", "100-continue", "Content-Length", "" + body.length())) {
            client.send(body);
            assertEquals(201, client.read(10_000).status(), "a new profile");
        }
    }

    @Test
    void theBodyMemoryBudgetIsSharedAndA503WithRetryAfterAnswersWhenItIsSpent() {
        List<RawHttp> holding = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                holding.add(post(GROUPS, TestUsers.admin()[1], "Content-Length", "" + 900 * 1024)
                        .send("["));
            }
            waitUntil(() -> server.requestIntakeReservedBytes() >= 1_800 * 1024, "both bodies are being received");
            try (RawHttp third = post(GROUPS, TestUsers.admin()[1], "Content-Length", String.valueOf(900 * 1024))) {
                RawHttp.Answer answer = third.read(5_000);
                assertProblem(answer, 503, "server_busy");
                assertFalse(answer.header("Retry-After").isEmpty());
            }
        } finally {
            holding.forEach(RawHttp::close);
        }
        waitUntilNoBodyIsHeld();
        assertEquals(
                201,
                http.post(CREATE_UPDATE, "{\"name\":\"AfterBusy\",\"color\":1}", manager.auth())
                        .statusCode());
    }

    @Test
    void slowBodiesTakeNoThreadHealthAndAnAuthenticatedReadAnswerWhileFiftyDrip() throws Exception {
        List<RawHttp> drippers = new ArrayList<>();
        ScheduledExecutorService drip = Executors.newSingleThreadScheduledExecutor();
        try {
            for (int i = 0; i < 50; i++) {
                drippers.add(post(CREATE_UPDATE, manager.bearer(), "Content-Length", "30000"));
            }
            drip.scheduleAtFixedRate(() -> drippers.forEach(c -> c.trySend(" ")), 0, 200, TimeUnit.MILLISECONDS);
            Thread.sleep(1_000);
            for (int i = 0; i < 5; i++) {
                long started = System.nanoTime();
                assertEquals(200, http.get("/health").statusCode());
                HttpResponse<String> profiles = http.get("/api/v1/Profiles", reader.auth());
                assertEquals(200, profiles.statusCode(), profiles.body());
                HttpResponse<String> saved =
                        http.post(CREATE_UPDATE, "{\"name\":\"WhileDripping" + i + "\",\"color\":1}", manager.auth());
                assertEquals(201, saved.statusCode(), saved.body());
                long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
                // Generous for a loaded build machine; with every thread taken they would not answer at all.
                assertTrue(took < 5_000, "three requests answered in " + took + " ms while fifty bodies drip");
            }
            assertTrue(
                    server.requestIntakeReservedBytes() >= 50 * 30_000L,
                    "all fifty bodies were still being received meanwhile");
        } finally {
            drip.shutdownNow();
            drippers.forEach(RawHttp::close);
        }
        waitUntilNoBodyIsHeld();
    }

    private static void waitUntilNoBodyIsHeld() {
        waitUntil(() -> server.requestIntakeReservedBytes() == 0, "every body's memory is given back");
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
