package org.openprofiles.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openprofiles.bootstrap.CertificateFixtures.CM;
import static org.openprofiles.bootstrap.CertificateFixtures.json;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openprofiles.adapter.jdbc.testing.PostgresExtension;
import org.openprofiles.adapter.jdbc.testing.TestDatabase;
import org.slf4j.LoggerFactory;

/**
 * A CA that cannot sign (its keystore unreadable) makes certificate data a 503 with Retry-After:
 * the request stays Approved, nothing is issued or written, and the client may post again; the
 * rest of the service keeps working, and the keystore password is never logged.
 */
@ExtendWith(PostgresExtension.class)
class CertificateAuthorityUnavailableTest {

    private static final String PASSWORD = "operator-keystore-password-4711";

    @TempDir
    Path dataDir;

    @Test
    void certificateDataIs503WithRetryAfterAndTheRequestStaysApproved(TestDatabase database) throws Exception {
        Path damaged = dataDir.resolve("damaged.p12");
        Files.write(damaged, new byte[] {0x30, 0x03, 0x02, 0x01, 0x03});
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        logs.start();
        root.addAppender(logs);
        try (Server server = Server.start(TestServers.build(TestServers.builder(database)
                .with(Config.DATA_DIR, dataDir.toString())
                .with(Config.CA_KEYSTORE, damaged.toString())
                .with(Config.CA_KEYSTORE_PASSWORD, PASSWORD)))) {
            Http http = new Http(server.uri());
            TestUsers.Caller ida = TestUsers.create(server, "ida");
            String template = UUID.randomUUID().toString();
            CertificateFixtures.template(http, template, 1, "enroll");
            String request = CertificateWalkthroughTest.requestId(
                    http.post(CM + "/requests", """
                    {"profiletemplateuuid":"%s","type":"Enroll","comment":""}
                    """.formatted(template), ida.auth()));

            HttpResponse<String> unavailable = http.post(
                    CM + "/requests/" + request + "/certificatedata",
                    CertificateWalkthroughTest.csrBody(TestCsrs.csr(TestCsrs.ec("secp256r1"), "")),
                    ida.auth());
            assertEquals(503, unavailable.statusCode(), unavailable.body());
            assertTrue(unavailable.headers().firstValue("Retry-After").isPresent());
            assertEquals(
                    "application/json",
                    unavailable.headers().firstValue("Content-Type").orElseThrow());
            assertFalse(unavailable.body().contains(PASSWORD), unavailable.body());
            assertEquals(
                    3,
                    json(http.get(CM + "/requests/" + request, ida.auth()))
                            .get("Status")
                            .asInt(),
                    "still Approved");
            int issued = database.jdbi()
                    .withHandle(h -> h.createQuery("SELECT count(*) FROM issued_certificate")
                            .mapTo(Integer.class)
                            .one());
            assertEquals(0, issued);
            assertEquals(503, http.get("/pki/chain.pem").statusCode(), "nothing to publish either");
            assertEquals(200, http.get(CM + "/requests/" + request, ida.auth()).statusCode(), "the rest works");
            HttpResponse<String> ready = http.get("/health/ready");
            assertEquals(200, ready.statusCode(), "not a required check: " + ready.body());
            assertTrue(ready.body().contains("{\"name\":\"certificate-authority\",\"status\":\"DOWN\""), ready.body());
            assertFalse(ready.body().contains(PASSWORD), ready.body());
        } finally {
            root.detachAppender(logs);
        }
        assertTrue(logs.list.stream()
                .anyMatch(e -> e.getFormattedMessage().contains("certificate authority is unavailable")));
        assertTrue(
                logs.list.stream().noneMatch(e -> e.getFormattedMessage().contains(PASSWORD)),
                "the password is never logged");
    }
}
