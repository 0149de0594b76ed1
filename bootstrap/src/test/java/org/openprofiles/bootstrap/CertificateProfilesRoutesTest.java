package org.openprofiles.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openprofiles.bootstrap.CertificateFixtures.CM;
import static org.openprofiles.bootstrap.CertificateFixtures.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openprofiles.domain.security.Role;

/** {@code GET /CertificateManagement/api/v1.0/profiles[/{id}]} through real HTTP on real PostgreSQL. */
class CertificateProfilesRoutesTest extends EndToEndTest {

    private static final String TEMPLATE = UUID.randomUUID().toString();

    private static TestUsers.Caller alice;
    private static TestUsers.Caller bob;
    private static TestUsers.Caller agent;
    private static TestUsers.Caller nobody;
    private static final UUID ALICE_ACTIVE = UUID.randomUUID();
    private static final UUID ALICE_DISABLED = UUID.randomUUID();
    private static final UUID ALICE_SUSPENDED = UUID.randomUUID();
    private static final UUID BOB_ACTIVE = UUID.randomUUID();

    @BeforeAll
    static void arrange() {
        alice = TestUsers.create(server, "alice");
        bob = TestUsers.create(server, "bob");
        agent = TestUsers.create(server, "agent", Role.CM_AGENT);
        nobody = TestUsers.create(server, "nobody");
        // Owners may renew and disable; recoveronbehalf is for agents only.
        HttpResponse<String> created =
                http.post("/admin/v1/profile-templates", """
                {"id":"%s","name":"Routes","version":3,"policies":{
                  "renew":{"ownerMayInitiate":true,"onBehalfRoles":["cm-agent"]},
                  "disable":{"ownerMayInitiate":true,"onBehalfRoles":[]},
                  "recoveronbehalf":{"ownerMayInitiate":false,"onBehalfRoles":["cm-agent"]},
                  "reinstate":{"ownerMayInitiate":true},
                  "retire":{"enabled":false}}}
                """.formatted(TEMPLATE), TestUsers.admin());
        assertEquals(201, created.statusCode(), created.body());
        CertificateFixtures.imported(
                http,
                "["
                        + String.join(
                                ",",
                                CertificateFixtures.profile(
                                        ALICE_ACTIVE, "2", alice.id().toString(), TEMPLATE, 3),
                                CertificateFixtures.profile(
                                        ALICE_DISABLED, "3", alice.id().toString(), TEMPLATE, 2),
                                CertificateFixtures.profile(
                                        ALICE_SUSPENDED, "4", alice.id().toString(), TEMPLATE, 3),
                                CertificateFixtures.profile(
                                        BOB_ACTIVE, "2", bob.id().toString(), TEMPLATE, 3))
                        + "]");
    }

    private static List<String> uuids(HttpResponse<String> response) {
        List<String> ids = new ArrayList<>();
        json(response).forEach(profile -> ids.add(profile.get("Uuid").asText()));
        return ids;
    }

    private static List<String> operations(JsonNode profile) {
        List<String> operations = new ArrayList<>();
        profile.get("ProfileOperations").forEach(op -> operations.add(op.asText()));
        return operations;
    }

    @Test
    void theOwnerSeesOnlyTheirOwnProfilesInRecordedOrderWithTheirOperations() {
        HttpResponse<String> response = http.get(CM + "/profiles", alice.auth());
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(
                List.of(ALICE_ACTIVE.toString(), ALICE_DISABLED.toString(), ALICE_SUSPENDED.toString()),
                uuids(response));
        JsonNode body = json(response);
        assertEquals(List.of("renew", "disable"), operations(body.get(0)));
        assertEquals(List.of(), operations(body.get(1)), "nothing the template enables is possible when disabled");
        assertEquals(List.of("disable", "reinstate"), operations(body.get(2)));
        assertEquals(3, body.get(1).get("Status").asInt());
        assertEquals(4, body.get(2).get("Status").asInt());
        assertEquals(2, body.get(1).get("ProfileTemplateVersion").asInt());
    }

    @Test
    void thePathMatchesInAnyCaseAndSoDoTheStatusValueAndTheParameterName() {
        HttpResponse<String> canonical =
                http.get("/CertificateManagement/api/v1.0/Profiles?status=Active", alice.auth());
        assertEquals(200, canonical.statusCode(), canonical.body());
        assertEquals(List.of(ALICE_ACTIVE.toString()), uuids(canonical));
        assertEquals(
                List.of(ALICE_SUSPENDED.toString()),
                uuids(http.get("/CERTIFICATEMANAGEMENT/API/V1.0/PROFILES?Status=sUsPeNdEd", alice.auth())));
        HttpResponse<String> byId = http.get(
                "/CertificateManagement/Api/V1.0/Profiles/"
                        + ALICE_ACTIVE.toString().toUpperCase(),
                alice.auth());
        assertEquals(200, byId.statusCode(), byId.body());
        assertEquals(ALICE_ACTIVE.toString(), json(byId).get("Uuid").asText(), "GUIDs are written lower-case");
    }

    @Test
    void aDocumentedStatusThatNoProfileHasIsA204WithNoBody() {
        for (String status : List.of(
                "Approved",
                "canceled",
                "Completed",
                "Denied",
                "Executing",
                "Failed",
                "Pending",
                "None",
                "Retired",
                "New")) {
            HttpResponse<String> response = http.get(CM + "/profiles?status=" + status, alice.auth());
            assertEquals(204, response.statusCode(), status + ": " + response.body());
            assertEquals("", response.body());
        }
    }

    @Test
    void aUserWithNoProfilesGetsA204() {
        HttpResponse<String> response = http.get(CM + "/profiles", nobody.auth());
        assertEquals(204, response.statusCode());
        assertEquals("", response.body());
    }

    @Test
    void anUnknownStatusIsA400NamingTheAllowedValues() {
        HttpResponse<String> response = http.get(CM + "/profiles?status=Bogus", alice.auth());
        assertEquals(400, response.statusCode());
        assertEquals(
                "application/json",
                response.headers().firstValue("Content-Type").orElse(""));
        JsonNode problem = json(response);
        assertEquals("status", problem.get("field").asText());
        assertEquals("invalid_status", problem.get("code").asText());
        assertTrue(
                problem.get("detail")
                        .asText()
                        .contains(
                                "Active, Approved, Canceled, Completed, Denied, Executing, " + "Failed, None, Pending"),
                problem.toString());
    }

    @Test
    void aMalformedGuidIsA400NamingTheParameter() {
        HttpResponse<String> byId = http.get(CM + "/profiles/not-a-guid", alice.auth());
        assertEquals(400, byId.statusCode());
        assertEquals("id", json(byId).get("field").asText());
        HttpResponse<String> target = http.get(CM + "/profiles?targetuser=12345", agent.auth());
        assertEquals(400, target.statusCode());
        assertEquals("targetuser", json(target).get("field").asText());
        assertEquals(400, http.get(CM + "/profiles?limit=many", alice.auth()).statusCode());
        assertEquals(400, http.get(CM + "/profiles?cursor=%25%25", alice.auth()).statusCode());
    }

    @Test
    void anotherUsersProfileIsNeverReturnedAndLooksLikeOneThatDoesNotExist() {
        HttpResponse<String> others = http.get(CM + "/profiles/" + BOB_ACTIVE, alice.auth());
        assertEquals(204, others.statusCode());
        assertEquals("", others.body());
        HttpResponse<String> missing = http.get(CM + "/profiles/" + UUID.randomUUID(), alice.auth());
        assertEquals(204, missing.statusCode());
        assertFalse(http.get(CM + "/profiles", alice.auth()).body().contains(BOB_ACTIVE.toString()));
        HttpResponse<String> own = http.get(CM + "/profiles/" + BOB_ACTIVE, bob.auth());
        assertEquals(200, own.statusCode());
        assertEquals(List.of("renew", "disable"), operations(json(own)));
    }

    @Test
    void listingAnotherUsersProfilesWithoutAnAgentRoleIsA403() {
        HttpResponse<String> response = http.get(CM + "/profiles?targetuser=" + bob.id(), alice.auth());
        assertEquals(403, response.statusCode(), response.body());
        assertEquals(
                "application/json",
                response.headers().firstValue("Content-Type").orElse(""));
        assertEquals(
                200,
                http.get(CM + "/profiles?targetuser=" + alice.id(), alice.auth())
                        .statusCode(),
                "naming oneself is fine");
        assertEquals(
                200, http.get(CM + "/profiles?targetuser=current", alice.auth()).statusCode());
    }

    @Test
    void anAgentListsAnotherUsersProfilesWithTheAgentsOwnOperations() {
        HttpResponse<String> response =
                http.get(CM + "/profiles?TargetUser=" + alice.id() + "&status=active", agent.auth());
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(List.of(ALICE_ACTIVE.toString()), uuids(response));
        assertEquals(
                List.of("renew", "recoveronbehalf"),
                operations(json(response).get(0)),
                "disable is for owners only; recoveronbehalf for agents only");
        HttpResponse<String> one = http.get(CM + "/profiles/" + BOB_ACTIVE, agent.auth());
        assertEquals(200, one.statusCode());
        assertEquals(List.of("renew", "recoveronbehalf"), operations(json(one)));
        assertEquals(204, http.get(CM + "/profiles", agent.auth()).statusCode(), "the agent owns none");
    }

    @Test
    void longListsArePagedWithALinkToTheNextPageAndABoundedNumberOfStatements() {
        TestUsers.Caller many = TestUsers.create(server, "many");
        String owner = many.id().toString();
        List<UUID> ids =
                IntStream.range(0, 130).mapToObj(i -> UUID.randomUUID()).toList();
        CertificateFixtures.imported(
                http,
                ids.stream()
                        .map(id -> CertificateFixtures.profile(id, "2", owner, TEMPLATE, 3))
                        .collect(Collectors.joining(",", "[", "]")));

        http.get(CM + "/profiles?limit=1", many.auth()); // signs in and caches the template: what is left is the list
        long before = server.database().statements().count();
        HttpResponse<String> first = http.get(CM + "/profiles", many.auth());
        long forAHundred = server.database().statements().count() - before;
        assertEquals(200, first.statusCode());
        assertEquals(100, json(first).size(), "without limit a page holds 100 profiles");
        String link = first.headers().firstValue("Link").orElseThrow();
        assertTrue(link.endsWith(">; rel=\"next\""), link);
        String next = link.substring(link.indexOf("/certificatemanagement"), link.indexOf('>'));

        before = server.database().statements().count();
        HttpResponse<String> second = http.get(next, many.auth());
        long forThirty = server.database().statements().count() - before;
        assertEquals(200, second.statusCode());
        assertEquals(
                ids.stream().map(UUID::toString).toList(),
                concat(uuids(first), uuids(second)),
                "every profile once, in import order");
        assertFalse(second.headers().firstValue("Link").isPresent());
        assertEquals(forThirty, forAHundred, "the statement count does not grow with the list");
        assertTrue(forAHundred <= 6, "statements per list request: " + forAHundred);

        HttpResponse<String> small = http.get(CM + "/profiles?limit=2", alice.auth());
        assertEquals(2, json(small).size());
        assertTrue(small.headers().firstValue("Link").orElse("").contains("limit=2"));
    }

    @Test
    void anUnexpectedFailureIsA500WithTheServicesErrorBodyAndNoStackTrace() {
        // The profiles themselves: templates would come from the cache.
        db.execute("ALTER TABLE certificate_profile RENAME TO certificate_profile_gone");
        try {
            HttpResponse<String> response = http.get(CM + "/profiles", alice.auth());
            assertEquals(500, response.statusCode());
            assertEquals(
                    "application/json",
                    response.headers().firstValue("Content-Type").orElse(""));
            assertTrue(json(response).has("correlationId"), response.body());
            assertFalse(response.body().contains("at org."), "no stack trace");
            assertFalse(response.body().contains("certificate_profile"), "no SQL either");
        } finally {
            db.execute("ALTER TABLE certificate_profile_gone RENAME TO certificate_profile");
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
