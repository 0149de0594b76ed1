package org.openprofiles.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openprofiles.bootstrap.CertificateFixtures.CM;
import static org.openprofiles.bootstrap.CertificateFixtures.json;
import static org.openprofiles.bootstrap.CertificateRequestsTest.operations;
import static org.openprofiles.bootstrap.CertificateRequestsTest.put;
import static org.openprofiles.bootstrap.CertificateRequestsTest.request;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openprofiles.domain.security.Role;

/** Enroll through real HTTP on real PostgreSQL: a new profile from a template, with and without approvals. */
class CertificateEnrollTest extends EndToEndTest {

    private static final String NIL = "00000000-0000-0000-0000-000000000000";
    /** Owners may enroll themselves and renew; cm-agents may enroll others. Version 3. */
    private static final String SELF_SERVICE = UUID.randomUUID().toString();
    /** No enroll policy at all. */
    private static final String NO_ENROLL = UUID.randomUUID().toString();
    /** Enroll needs one approval from a cm-approver. */
    private static final String APPROVED_ENROLL = UUID.randomUUID().toString();
    /** The server sets the PIN on enroll. */
    private static final String SERVER_PIN = UUID.randomUUID().toString();

    private static TestUsers.Caller alice;
    private static TestUsers.Caller bob;
    private static TestUsers.Caller agent;
    private static TestUsers.Caller approver;

    @BeforeAll
    static void arrange() {
        alice = TestUsers.create(server, "enroll-alice");
        bob = TestUsers.create(server, "enroll-bob");
        agent = TestUsers.create(server, "enroll-agent", Role.CM_AGENT);
        approver = TestUsers.create(server, "enroll-approver", Role.CM_APPROVER);
        CertificateFixtures.template(http, SELF_SERVICE, 3, "enroll", "renew");
        CertificateFixtures.template(http, NO_ENROLL, 1, "renew");
        template(APPROVED_ENROLL, """
                "enroll":{"ownerMayInitiate":true,"approvalsNeeded":1,"approverRole":"cm-approver"}""");
        template(SERVER_PIN, """
                "enroll":{"ownerMayInitiate":true,"serverGeneratesPin":true}""");
    }

    private static void template(String id, String policies) {
        HttpResponse<String> created =
                http.post("/admin/v1/profile-templates", """
                {"id":"%s","name":"Enroll %s","version":1,"policies":{%s}}
                """.formatted(id, id, policies), TestUsers.admin());
        assertEquals(201, created.statusCode(), created.body());
    }

    private static HttpResponse<String> enroll(TestUsers.Caller caller, String template, String target) {
        return http.post(CM + "/requests", """
                {"profiletemplateuuid":"%s","datacollection":"[]","target":"%s","type":"Enroll","comment":"new laptop"}
                """.formatted(template, target), caller.auth());
    }

    private static String enrolled(TestUsers.Caller caller, String template, String target) {
        HttpResponse<String> response = enroll(caller, template, target);
        assertEquals(201, response.statusCode(), response.body());
        return json(response).asText().substring("api/v1.0/requests/".length());
    }

    private static JsonNode onlyProfileOf(TestUsers.Caller caller, String request) {
        HttpResponse<String> response = http.get(CM + "/requests/" + request + "/profiles", caller.auth());
        assertEquals(200, response.statusCode(), response.body());
        JsonNode profiles = json(response);
        assertEquals(1, profiles.size(), profiles.toString());
        return profiles.get(0);
    }

    @Test
    void anOwnerEnrollsThemselvesAndCompletingIssuesAnActiveProfileFromTheCurrentTemplateVersion() {
        TestUsers.Caller carol = TestUsers.create(server, "enroll-carol");
        assertEquals(204, http.get(CM + "/profiles", carol.auth()).statusCode(), "no profiles yet");

        String id = enrolled(carol, SELF_SERVICE, "current");
        JsonNode submitted = request(carol, id);
        assertEquals(1, submitted.get("RequestType").asInt(), "Enroll is 1, as the vendor publishes");
        assertEquals(3, submitted.get("Status").asInt(), "Approved: waits for the client to complete it");
        assertEquals(NIL, submitted.get("OldProfileUuid").asText());
        assertEquals(204, http.get(CM + "/profiles", carol.auth()).statusCode(), "nothing issued before completion");

        HttpResponse<String> completed = http.put(CM + "/requests/" + id, "{\"status\":\"Completed\"}", carol.auth());
        assertEquals(200, completed.statusCode(), completed.body());
        assertEquals(8, json(completed).get("Status").asInt());

        JsonNode issued = onlyProfileOf(carol, id);
        assertEquals(2, issued.get("Status").asInt(), "Active");
        assertEquals(carol.id().toString(), issued.get("AssignedUserUuid").asText());
        assertEquals(SELF_SERVICE, issued.get("ProfileTemplateUuid").asText());
        assertEquals(3, issued.get("ProfileTemplateVersion").asInt());
        assertEquals(NIL, issued.get("ParentProfileUuid").asText());
        assertEquals(NIL, issued.get("PrimaryProfileUuid").asText());
        assertEquals(
                issued.get("Uuid").asText(),
                request(carol, id).get("NewProfileUuid").asText());
        assertTrue(operations(issued).contains("renew"), operations(issued).toString());
        assertFalse(operations(issued).contains("enroll"), "a profile never offers enroll");

        JsonNode listed = json(http.get(CM + "/profiles?status=Active", carol.auth()));
        assertEquals(1, listed.size());
        assertEquals(issued.get("Uuid").asText(), listed.get(0).get("Uuid").asText());
    }

    @Test
    void aTemplateWithoutAnEnrollPolicyRefusesWith403AndRecordsNothing() {
        int before = requestsOf(alice);
        HttpResponse<String> refused = enroll(alice, NO_ENROLL, "current");
        assertEquals(403, refused.statusCode(), refused.body());
        assertEquals(before, requestsOf(alice));
    }

    @Test
    void enrollingSomeoneElseNeedsAnOnBehalfRole() {
        assertEquals(403, enroll(bob, SELF_SERVICE, alice.id().toString()).statusCode(), "bob is no agent");
        String id = enrolled(agent, SELF_SERVICE, bob.id().toString());
        HttpResponse<String> completed = http.put(CM + "/requests/" + id, "{\"status\":\"Completed\"}", agent.auth());
        assertEquals(200, completed.statusCode(), completed.body());
        JsonNode issued = onlyProfileOf(agent, id);
        assertEquals(
                bob.id().toString(), issued.get("AssignedUserUuid").asText(), "issued to the target, not the agent");
    }

    @Test
    void enrollWithApprovalsWaitsInPendingAndADenialIssuesNothing() {
        TestUsers.Caller dave = TestUsers.create(server, "enroll-dave");
        String approved = enrolled(dave, APPROVED_ENROLL, "current");
        assertEquals(16, request(dave, approved).get("Status").asInt(), "Pending");
        assertEquals(409, put(dave, approved, "Completed").statusCode(), "not approved yet");
        HttpResponse<String> approval = http.post(CM + "/requests/" + approved + "/approve", "", approver.auth());
        assertEquals(200, approval.statusCode(), approval.body());
        assertEquals(3, json(approval).get("Status").asInt(), "Approved, waiting for the client");
        assertEquals(
                200,
                http.put(CM + "/requests/" + approved, "{\"status\":\"Completed\"}", dave.auth())
                        .statusCode());
        assertEquals(2, onlyProfileOf(dave, approved).get("Status").asInt());

        String denied = enrolled(dave, APPROVED_ENROLL, "current");
        assertEquals(
                200,
                http.post(CM + "/requests/" + denied + "/deny", "", approver.auth())
                        .statusCode());
        assertEquals(4, request(dave, denied).get("Status").asInt(), "Denied");
        String canceled = enrolled(dave, APPROVED_ENROLL, "current");
        assertEquals(200, put(dave, canceled, "Canceled").statusCode());
        assertEquals(
                1,
                json(http.get(CM + "/profiles", dave.auth())).size(),
                "only the approved and completed enroll issued a profile");
    }

    @Test
    void whenTheTemplateSaysSoTheServerGeneratesThePinAndShowsItOnce() {
        TestUsers.Caller erin = TestUsers.create(server, "enroll-erin");
        String id = enrolled(erin, SERVER_PIN, "current");
        HttpResponse<String> completed = put(erin, id, "Completed");
        assertEquals(200, completed.statusCode(), completed.body());
        assertFalse(json(completed).get("Pin").asText().isBlank(), "the generated PIN, shown once");
        assertFalse(request(erin, id).has("Pin"), "never shown again");
    }

    @Test
    void badEnrollBodiesAre400sNamingTheField() {
        HttpResponse<String> unknownTemplate = enroll(alice, UUID.randomUUID().toString(), "current");
        assertEquals(400, unknownTemplate.statusCode());
        assertTrue(unknownTemplate.body().contains("\"field\":\"profiletemplateuuid\""), unknownTemplate.body());
        HttpResponse<String> withProfile =
                http.post(CM + "/requests", """
                {"profiletemplateuuid":"%s","type":"Enroll","comment":"","profile":"%s"}
                """.formatted(SELF_SERVICE, UUID.randomUUID()), alice.auth());
        assertEquals(400, withProfile.statusCode());
        assertTrue(withProfile.body().contains("\"field\":\"profile\""), withProfile.body());
        HttpResponse<String> unknownUser =
                enroll(agent, SELF_SERVICE, UUID.randomUUID().toString());
        assertEquals(400, unknownUser.statusCode());
        assertTrue(unknownUser.body().contains("\"field\":\"target\""), unknownUser.body());
    }

    private static int requestsOf(TestUsers.Caller caller) {
        return db.jdbi()
                .withHandle(
                        h -> h.createQuery("SELECT count(*) FROM certificate_request WHERE originator_user_id = :id")
                                .bind("id", caller.id().value())
                                .mapTo(Integer.class)
                                .one());
    }
}
