package org.openprofiles.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.openprofiles.bootstrap.CertificateFixtures.CM;
import static org.openprofiles.bootstrap.CertificateRequestsTest.initiate;
import static org.openprofiles.bootstrap.CertificateRequestsTest.initiated;
import static org.openprofiles.bootstrap.CertificateRequestsTest.profileJson;
import static org.openprofiles.bootstrap.CertificateRequestsTest.put;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two changes of one profile fired at the same moment: exactly one wins, the other gets 409, and
 * the profile ends in a state the status table allows. Each test runs several rounds.
 */
class CertificateRequestConcurrencyTest extends EndToEndTest {

    private static final int ROUNDS = 10;
    private static final String TEMPLATE = UUID.randomUUID().toString();
    private static TestUsers.Caller alice;

    @BeforeAll
    static void arrange() {
        alice = TestUsers.create(server, "alice");
        CertificateFixtures.template(http, TEMPLATE, 1, "renew", "disable", "retire");
    }

    /** Runs both calls released by one barrier and returns their status codes, sorted. */
    private static List<Integer> race(Supplier<HttpResponse<String>> one, Supplier<HttpResponse<String>> other) {
        return together(one, other).stream()
                .map(HttpResponse::statusCode)
                .sorted()
                .toList();
    }

    /** Runs both calls released by one barrier and returns their responses, in call order. */
    static List<HttpResponse<String>> together(
            Supplier<HttpResponse<String>> one, Supplier<HttpResponse<String>> other) {
        CyclicBarrier start = new CyclicBarrier(2);
        List<CompletableFuture<HttpResponse<String>>> calls = Stream.of(one, other)
                .map(call -> CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    return call.get();
                }))
                .toList();
        return calls.stream().map(CompletableFuture::join).toList();
    }

    private static int count(String sql, String profile) {
        return db.jdbi()
                .withHandle(h -> h.createQuery(sql)
                        .bind("id", UUID.fromString(profile))
                        .mapTo(Integer.class)
                        .one());
    }

    @Test
    void twoConcurrentDisablesOfOneProfileExactlyOneWins() {
        for (int round = 0; round < ROUNDS; round++) {
            String profile = CertificateRequestsTest.profile(alice, TEMPLATE, 2);
            List<Integer> codes = race(
                    () -> initiate(alice, "Disable", profile, TEMPLATE),
                    () -> initiate(alice, "Disable", profile, TEMPLATE));
            assertEquals(List.of(201, 409), codes, "round " + round);
            assertEquals(3, profileJson(alice, profile).get("Status").asInt());
            assertEquals(
                    1,
                    count("SELECT count(*) FROM certificate_request WHERE old_profile_id = :id", profile),
                    "the loser left no request behind");
        }
    }

    @Test
    void twoConcurrentRenewalsOfOneProfileCreateExactlyOneChild() {
        for (int round = 0; round < ROUNDS; round++) {
            String profile = CertificateRequestsTest.profile(alice, TEMPLATE, 2);
            String first = initiated(alice, "Renew", profile, TEMPLATE);
            String second = initiated(alice, "Renew", profile, TEMPLATE);
            List<Integer> codes = race(() -> put(alice, first, "Completed"), () -> put(alice, second, "Completed"));
            assertEquals(List.of(200, 409), codes, "round " + round);
            assertEquals(6, profileJson(alice, profile).get("Status").asInt());
            assertEquals(1, count("SELECT count(*) FROM certificate_profile WHERE parent_profile_id = :id", profile));
        }
    }

    @Test
    void aDisableRacingARenewalCompletionExactlyOneWins() {
        for (int round = 0; round < ROUNDS; round++) {
            String profile = CertificateRequestsTest.profile(alice, TEMPLATE, 2);
            String renew = initiated(alice, "Renew", profile, TEMPLATE);
            HttpResponse<String>[] disable = new HttpResponse[1];
            List<Integer> codes = race(
                    () -> put(alice, renew, "Completed"),
                    () -> disable[0] = initiate(alice, "Disable", profile, TEMPLATE));
            int children = count("SELECT count(*) FROM certificate_profile WHERE parent_profile_id = :id", profile);
            int status = profileJson(alice, profile).get("Status").asInt();
            if (disable[0].statusCode() == 201) {
                assertEquals(List.of(201, 409), codes, "round " + round);
                assertEquals(3, status);
                assertEquals(0, children);
            } else {
                assertEquals(List.of(200, 409), codes, "round " + round);
                assertEquals(6, status);
                assertEquals(1, children);
            }
            assertEquals(
                    200, http.get(CM + "/profiles/" + profile, alice.auth()).statusCode());
        }
    }
}
