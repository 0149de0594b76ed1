package org.openprofiles.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openprofiles.bootstrap.CertificateFixtures.CM;
import static org.openprofiles.bootstrap.CertificateFixtures.json;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code POST /requests} with an Idempotency-Key: a retry answers the first result and creates nothing new. */
class CertificateRequestIdempotencyTest extends EndToEndTest {

    private static final String TEMPLATE = UUID.randomUUID().toString();
    private static TestUsers.Caller alice;
    private static TestUsers.Caller bob;

    @BeforeAll
    static void arrange() {
        alice = TestUsers.create(server, "alice");
        bob = TestUsers.create(server, "bob");
        CertificateFixtures.template(http, TEMPLATE, 1, "renew", "disable");
    }

    private static HttpResponse<String> post(
            TestUsers.Caller caller, String key, String type, String profile, String priority) {
        String[] auth = caller.auth();
        return http.post(
                CM + "/requests",
                """
                {"profiletemplateuuid":"%s","type":"%s","comment":"","priority":%s,"profile":"%s"}
                """.formatted(TEMPLATE, type, priority, profile),
                auth[0],
                auth[1],
                "Idempotency-Key",
                key);
    }

    private static int requestsFor(String profile) {
        return db.jdbi()
                .withHandle(h -> h.createQuery("SELECT count(*) FROM certificate_request WHERE old_profile_id = :id")
                        .bind("id", UUID.fromString(profile))
                        .mapTo(Integer.class)
                        .one());
    }

    @Test
    void aRetryWithTheSameKeyAndBodyAnswersTheFirstResultAndCreatesNothing() {
        String profile = CertificateRequestsTest.profile(alice, TEMPLATE, 2);
        HttpResponse<String> first = post(alice, "retry-1", "Disable", profile, "1");
        assertEquals(201, first.statusCode(), first.body());
        HttpResponse<String> retry = post(alice, "retry-1", "Disable", profile, "\"1\"");
        assertEquals(201, retry.statusCode(), "the profile is disabled now, yet the retry answers the first result");
        assertEquals(first.body(), retry.body());
        assertEquals(first.headers().firstValue("Location"), retry.headers().firstValue("Location"));
        assertEquals(1, requestsFor(profile));
        String id = json(first).asText().substring("api/v1.0/requests/".length());
        assertEquals(1, CertificateRequestsTest.auditEvents(id), "a replay writes nothing");
    }

    @Test
    void theSameKeyWithADifferentBodyIs422AndCreatesNothing() {
        String profile = CertificateRequestsTest.profile(alice, TEMPLATE, 2);
        assertEquals(201, post(alice, "reused", "Renew", profile, "0").statusCode());
        HttpResponse<String> reused = post(alice, "reused", "Renew", profile, "5");
        assertEquals(422, reused.statusCode(), reused.body());
        assertTrue(reused.body().contains("Idempotency-Key"), reused.body());
        assertEquals(1, requestsFor(profile));
        assertEquals(
                2,
                CertificateRequestsTest.profileJson(alice, profile)
                        .get("Status")
                        .asInt());
    }

    @Test
    void keysBelongToTheirCaller() {
        String alices = CertificateRequestsTest.profile(alice, TEMPLATE, 2);
        String bobs = CertificateRequestsTest.profile(bob, TEMPLATE, 2);
        assertEquals(201, post(alice, "shared-key", "Renew", alices, "0").statusCode());
        assertEquals(201, post(bob, "shared-key", "Renew", bobs, "0").statusCode());
        assertEquals(1, requestsFor(bobs));
    }

    @Test
    void aRefusedRequestDoesNotUseUpItsKey() {
        String profile = CertificateRequestsTest.profile(alice, TEMPLATE, 3);
        assertEquals(409, post(alice, "after-refusal", "Renew", profile, "0").statusCode());
        String active = CertificateRequestsTest.profile(alice, TEMPLATE, 2);
        assertEquals(201, post(alice, "after-refusal", "Renew", active, "0").statusCode());
    }

    @Test
    void aBadKeyIs400NamingTheHeader() {
        String profile = CertificateRequestsTest.profile(alice, TEMPLATE, 2);
        HttpResponse<String> response = post(alice, "x".repeat(256), "Renew", profile, "0");
        assertEquals(400, response.statusCode());
        assertTrue(response.body().contains("Idempotency-Key"), response.body());
        assertEquals(0, requestsFor(profile));
    }

    @Test
    void concurrentPostsWithOneKeyCreateOneRequest() {
        for (int round = 0; round < 10; round++) {
            String profile = CertificateRequestsTest.profile(alice, TEMPLATE, 2);
            String key = "concurrent-" + round;
            List<HttpResponse<String>> responses = CertificateRequestConcurrencyTest.together(
                    () -> post(alice, key, "Disable", profile, "0"), () -> post(alice, key, "Disable", profile, "0"));
            assertEquals(201, responses.get(0).statusCode(), responses.get(0).body());
            assertEquals(201, responses.get(1).statusCode(), responses.get(1).body());
            assertEquals(responses.get(0).body(), responses.get(1).body(), "round " + round);
            assertEquals(1, requestsFor(profile));
        }
    }
}
