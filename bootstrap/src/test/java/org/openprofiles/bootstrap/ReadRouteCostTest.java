package org.openprofiles.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openprofiles.adapter.jdbc.testing.PostgresExtension;
import org.openprofiles.adapter.jdbc.testing.RoundTrips;
import org.openprofiles.adapter.jdbc.testing.TestDatabase;
import org.openprofiles.domain.security.Role;

/**
 * What every read route costs the database: SQL statements (Jdbi's count) and round trips (counted
 * on the driver's socket: BEGIN, SET, COMMIT and pool checks included). Each route is called for a
 * small result and for a large one (1 item against 30: profiles, requests, groups, assignments,
 * tokens, users, templates, audit events …), after a first call that warms the caches, and the two
 * must cost the same: no route may query per row. The hot reads (the CM list and profile, the ARM
 * list, GroupsByAccount, AssignmentsByProfileId) also have a fixed budget: one statement, one round
 * trip. The table of every route's cost is printed.
 */
@ExtendWith(PostgresExtension.class)
class ReadRouteCostTest {

    private static final String CM = "/CertificateManagement/api/v1.0";
    private static final int LARGE = 30;

    private static Server server;
    private static Http http;
    private static String counter;
    private static final List<String> table = new ArrayList<>();

    private static TestUsers.Caller smallOwner;
    private static TestUsers.Caller largeOwner;
    private static TestUsers.Caller reader;
    private static String smallProfile;
    private static String smallRequest;
    private static String largeRequest;
    private static String template;
    private static UUID smallAccess;
    private static UUID largeAccess;
    private static UUID smallAccount;
    private static UUID largeAccount;
    private static String accessPrefix;

    /** What one call cost. */
    record Cost(long statements, long roundTrips) {}

    @BeforeAll
    static void arrange(TestDatabase database) {
        counter = "read-route-cost-" + UUID.randomUUID();
        server = Server.start(TestServers.build(
                TestServers.builder(database).with(Config.DB_URL, RoundTrips.url(database.url(), counter))));
        http = new Http(server.uri());
        arrangeCertificates();
        arrangeAccess();
        arrangeAdministration();
    }

    @AfterAll
    static void stop() {
        server.close();
        System.out.println("route | statements | round trips\n" + String.join("\n", table));
    }

    private static void arrangeCertificates() {
        List<String> templates = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String id = UUID.randomUUID().toString();
            CertificateFixtures.template(http, id, 1, "renew", "disable", "suspend", "retire");
            templates.add(id);
        }
        template = templates.get(0);
        smallOwner = TestUsers.create(server, "cost-small-owner");
        largeOwner = TestUsers.create(server, "cost-large-owner");
        reader = TestUsers.create(server, "cost-reader", Role.PROFILE_READER);
        smallProfile = UUID.randomUUID().toString();
        List<String> large = IntStream.range(0, LARGE)
                .mapToObj(i -> UUID.randomUUID().toString())
                .toList();
        StringBuilder profiles = new StringBuilder("[")
                .append(CertificateFixtures.profile(
                        UUID.fromString(smallProfile), "2", smallOwner.id().toString(), template, 1));
        for (int i = 0; i < LARGE; i++) {
            profiles.append(',')
                    .append(CertificateFixtures.profile(
                            UUID.fromString(large.get(i)),
                            "2",
                            largeOwner.id().toString(),
                            templates.get(i % templates.size()),
                            1));
        }
        CertificateFixtures.imported(http, profiles.append(']').toString());
        smallRequest = disable(smallOwner, smallProfile, template);
        for (int i = 0; i < LARGE; i++) {
            String request = disable(largeOwner, large.get(i), templates.get(i % templates.size()));
            if (i == 0) {
                largeRequest = request;
            }
        }
    }

    /** A Disable request (applied at once) by the owner; returns the request's path. */
    private static String disable(TestUsers.Caller owner, String profile, String profileTemplate) {
        HttpResponse<String> created =
                http.post(CM + "/requests", """
                {"type":"Disable","profiletemplateuuid":"%s","profile":"%s","comment":"cost"}
                """.formatted(profileTemplate, profile), owner.auth());
        assertEquals(201, created.statusCode(), created.body());
        String body = created.body();
        return body.substring(body.indexOf("requests/") + "requests/".length(), body.lastIndexOf('"'));
    }

    private static void arrangeAccess() {
        AccessFixtures fixtures = new AccessFixtures(http);
        accessPrefix = "cost" + UUID.randomUUID().toString().substring(0, 6);
        List<UUID> groups = fixtures.groups(IntStream.range(0, LARGE)
                .mapToObj(i -> accessPrefix + "-group-" + i)
                .toArray(String[]::new));
        smallAccess = fixtures.profile(accessPrefix + "-small", 1, groups.subList(0, 1), Map.of("department", "A"));
        largeAccess = fixtures.profile(
                accessPrefix + "-large", 2, groups, Map.of("department", "B", "title", "T", "company", "C"));
        for (int i = 0; i < LARGE; i++) {
            fixtures.profile(accessPrefix + "-listed-" + i, 3, groups.subList(0, 2), Map.of());
        }
        smallAccount = fixtures.account(accessPrefix + "s", groups.subList(0, 1), Map.of("department", "A"));
        largeAccount = fixtures.account(accessPrefix + "l", groups, Map.of("department", "B"));
        fixtures.assign(smallAccess, smallAccount);
        UUID[] holders = new UUID[LARGE];
        holders[0] = largeAccount;
        for (int i = 1; i < LARGE; i++) {
            holders[i] = fixtures.account(accessPrefix + "h" + i, groups, Map.of());
        }
        fixtures.assign(largeAccess, holders);
    }

    private static void arrangeAdministration() {
        String users = IntStream.range(0, LARGE)
                .mapToObj(i -> "{\"login\":\"cost-user-" + i + "\"}")
                .collect(Collectors.joining(",", "[", "]"));
        assertEquals(
                200,
                http.post("/admin/v1/users/import", users, TestUsers.admin()).statusCode());
        for (int i = 0; i < LARGE; i++) {
            assertEquals(
                    201,
                    http.post("/admin/v1/users/" + largeOwner.id() + "/tokens", "{}", TestUsers.admin())
                            .statusCode());
        }
    }

    /**
     * The cost of {@code call} after a first, warming call; the answer must be 2xx. The least of
     * three calls: a unit of work pays one more round trip (a SET of the isolation level) when its
     * pooled connection last served the other kind of unit, which depends on what ran before.
     */
    private static Cost cost(Supplier<HttpResponse<String>> call) {
        HttpResponse<String> warm = call.get();
        assertTrue(warm.statusCode() / 100 == 2, warm.statusCode() + " " + warm.body());
        Cost least = null;
        for (int i = 0; i < 3; i++) {
            long statements = server.database().statements().count();
            long roundTrips = RoundTrips.count(counter);
            HttpResponse<String> answer = call.get();
            Cost cost = new Cost(
                    server.database().statements().count() - statements, RoundTrips.count(counter) - roundTrips);
            assertTrue(answer.statusCode() / 100 == 2, answer.statusCode() + " " + answer.body());
            if (least == null || cost.roundTrips() < least.roundTrips()) {
                least = cost;
            }
        }
        return least;
    }

    private static Supplier<HttpResponse<String>> get(String path, String... auth) {
        return () -> http.get(path, auth);
    }

    /** The route costs the same for the small and the large result; returns that cost. */
    private static Cost sameForSmallAndLarge(
            String route, Supplier<HttpResponse<String>> small, Supplier<HttpResponse<String>> large) {
        Cost forSmall = cost(small);
        Cost forLarge = cost(large);
        table.add(String.format(Locale.ROOT, "%s | %d | %d", route, forLarge.statements(), forLarge.roundTrips()));
        assertEquals(forSmall, forLarge, route + ": the cost grows with the result");
        return forLarge;
    }

    private static Cost alone(String route, Supplier<HttpResponse<String>> call) {
        Cost cost = cost(call);
        table.add(String.format(Locale.ROOT, "%s | %d | %d", route, cost.statements(), cost.roundTrips()));
        return cost;
    }

    /** The hot reads' budget: one statement, one round trip (the caller and templates come from caches). */
    private static final Cost ONE_QUERY = new Cost(1, 1);

    @Test
    void certificateManagementReadsCostTheSameForOneItemAndForThirty() {
        assertEquals(
                ONE_QUERY,
                sameForSmallAndLarge(
                        "GET /profiles",
                        get(CM + "/profiles", smallOwner.auth()),
                        get(CM + "/profiles", largeOwner.auth())));
        sameForSmallAndLarge(
                "GET /profiles?status=Disabled",
                get(CM + "/profiles?status=Disabled", smallOwner.auth()),
                get(CM + "/profiles?status=Disabled", largeOwner.auth()));
        assertEquals(ONE_QUERY, alone("GET /profiles/{id}", get(CM + "/profiles/" + smallProfile, smallOwner.auth())));
        sameForSmallAndLarge(
                "GET /requests", get(CM + "/requests", smallOwner.auth()), get(CM + "/requests", largeOwner.auth()));
        alone("GET /requests/{id}", get(CM + "/requests/" + smallRequest, smallOwner.auth()));
        alone("GET /requests/{id}/profiles", get(CM + "/requests/" + largeRequest + "/profiles", largeOwner.auth()));
    }

    @Test
    void accessRightsManagerReadsCostTheSameForOneItemAndForThirty() {
        String[] auth = reader.auth();
        assertEquals(
                ONE_QUERY,
                sameForSmallAndLarge(
                        "GET /api/v1/Profiles",
                        get("/api/v1/Profiles?search=" + accessPrefix + "&limit=1", auth),
                        get("/api/v1/Profiles?search=" + accessPrefix + "&limit=" + LARGE, auth)));
        sameForSmallAndLarge(
                "GET /api/v1/Profiles?AdditionalProfileInformation=",
                get("/api/v1/Profiles?AdditionalProfileInformation=" + smallAccess, auth),
                get("/api/v1/Profiles?AdditionalProfileInformation=" + largeAccess, auth));
        sameForSmallAndLarge(
                "POST /api/v1/Profiles/AdditionalProfileInformation",
                () -> http.post("/api/v1/Profiles/AdditionalProfileInformation", "[\"" + smallAccess + "\"]", auth),
                () -> http.post(
                        "/api/v1/Profiles/AdditionalProfileInformation",
                        "[\"" + smallAccess + "\",\"" + largeAccess + "\"]",
                        auth));
        alone("GET /api/v1/Profiles/Colors", get("/api/v1/Profiles/Colors", auth));
        alone("GET /api/v1/Profiles/Configuration", get("/api/v1/Profiles/Configuration", auth));
        alone("GET /api/v1/Profiles/Attributes", get("/api/v1/Profiles/Attributes", auth));
        sameForSmallAndLarge(
                "GET /api/v1/Profiles/AttributesByAccount",
                get("/api/v1/Profiles/AttributesByAccount?accountId=" + smallAccount, auth),
                get("/api/v1/Profiles/AttributesByAccount?accountId=" + largeAccount, auth));
        assertEquals(
                ONE_QUERY,
                sameForSmallAndLarge(
                        "GET /api/v1/Profiles/GroupsByAccount",
                        get("/api/v1/Profiles/GroupsByAccount?accountId=" + smallAccount, auth),
                        get("/api/v1/Profiles/GroupsByAccount?accountId=" + largeAccount, auth)));
        assertEquals(
                ONE_QUERY,
                sameForSmallAndLarge(
                        "GET /api/v1/Profiles/AssignmentsByProfileId",
                        get("/api/v1/Profiles/AssignmentsByProfileId?profileId=" + smallAccess, auth),
                        get("/api/v1/Profiles/AssignmentsByProfileId?profileId=" + largeAccess, auth)));
        sameForSmallAndLarge(
                "GET /api/v1/Profiles/Compliance",
                get("/api/v1/Profiles/Compliance?limit=1", auth),
                get("/api/v1/Profiles/Compliance?limit=" + LARGE, auth));
        sameForSmallAndLarge(
                "GET /api/v1/Profiles/Compliance?profileId=",
                get("/api/v1/Profiles/Compliance?profileId=" + smallAccess, auth),
                get("/api/v1/Profiles/Compliance?profileId=" + largeAccess, auth));
        sameForSmallAndLarge(
                "GET /api/v1/Profiles/Compliance?nonCompliantOnly=true",
                get("/api/v1/Profiles/Compliance?nonCompliantOnly=true&limit=1", auth),
                get("/api/v1/Profiles/Compliance?nonCompliantOnly=true&limit=" + LARGE, auth));
    }

    @Test
    void administrationReadsCostTheSameForOneItemAndForThirty() {
        String[] admin = TestUsers.admin();
        sameForSmallAndLarge(
                "GET /admin/v1/profile-templates",
                get("/admin/v1/profile-templates?limit=1", admin),
                get("/admin/v1/profile-templates?limit=3", admin));
        alone("GET /admin/v1/profile-templates/{id}", get("/admin/v1/profile-templates/" + template, admin));
        sameForSmallAndLarge(
                "GET /admin/v1/users",
                get("/admin/v1/users?limit=1", admin),
                get("/admin/v1/users?limit=" + LARGE, admin));
        alone("GET /admin/v1/users/{id}", get("/admin/v1/users/" + smallOwner.id(), admin));
        sameForSmallAndLarge(
                "GET /admin/v1/users/{id}/tokens",
                get("/admin/v1/users/" + smallOwner.id() + "/tokens", admin),
                get("/admin/v1/users/" + largeOwner.id() + "/tokens", admin));
        sameForSmallAndLarge(
                "GET /admin/v1/audit",
                get("/admin/v1/audit?limit=1", admin),
                get("/admin/v1/audit?limit=" + LARGE, admin));
        alone("GET /admin/v1/access/attributes", get("/admin/v1/access/attributes", admin));
        alone("GET /admin/v1/access/configuration", get("/admin/v1/access/configuration", admin));
        alone("GET /health", get("/health"));
        alone("GET /ready", get("/ready"));
    }
}
