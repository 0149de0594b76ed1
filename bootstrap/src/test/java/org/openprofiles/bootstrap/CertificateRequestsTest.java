package org.openprofiles.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openprofiles.bootstrap.CertificateFixtures.CM;
import static org.openprofiles.bootstrap.CertificateFixtures.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openprofiles.domain.security.Role;

/** Certificate requests through real HTTP on real PostgreSQL: each type through its lifecycle, without approvals. */
class CertificateRequestsTest extends EndToEndTest {

    private static final String NIL = "00000000-0000-0000-0000-000000000000";
    private static final String TEMPLATE = UUID.randomUUID().toString();
    private static final String NARROW_TEMPLATE = UUID.randomUUID().toString();

    private static TestUsers.Caller alice;
    private static TestUsers.Caller bob;
    private static TestUsers.Caller agent;

    @BeforeAll
    static void arrange() {
        alice = TestUsers.create(server, "alice");
        bob = TestUsers.create(server, "bob");
        agent = TestUsers.create(server, "agent", Role.CM_AGENT);
        CertificateFixtures.template(
                http,
                TEMPLATE,
                2,
                "renew",
                "disable",
                "recover",
                "recoveronbehalf",
                "suspend",
                "reinstate",
                "unblock",
                "onlineupdate",
                "duplicate",
                "retire");
        // Owners may only renew profiles of this one; nothing else is enabled.
        CertificateFixtures.template(http, NARROW_TEMPLATE, 1, "renew");
    }

    /** A new profile of {@code owner} in {@code status} (the wire number), imported as a migration would. */
    static String profile(TestUsers.Caller owner, String template, int status) {
        UUID id = UUID.randomUUID();
        CertificateFixtures.imported(
                http,
                "["
                        + CertificateFixtures.profile(
                                id, Integer.toString(status), owner.id().toString(), template, 1) + "]");
        return id.toString();
    }

    static HttpResponse<String> initiate(TestUsers.Caller caller, String type, String profile, String template) {
        return http.post(CM + "/requests", """
                {"profiletemplateuuid":"%s","datacollection":"[]","target":"current","type":"%s","comment":"",
                 "priority":"0","profile":"%s"}
                """.formatted(template, type, profile), caller.auth());
    }

    /** Initiates and returns the new request's id, checking the vendor's 201 form. */
    static String initiated(TestUsers.Caller caller, String type, String profile) {
        return initiated(caller, type, profile, TEMPLATE);
    }

    static String initiated(TestUsers.Caller caller, String type, String profile, String template) {
        HttpResponse<String> response = initiate(caller, type, profile, template);
        assertEquals(201, response.statusCode(), response.body());
        String relative = json(response).asText();
        assertTrue(relative.startsWith("api/v1.0/requests/"), relative);
        String location = response.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith("http") && location.endsWith("/CertificateManagement/" + relative), location);
        return relative.substring("api/v1.0/requests/".length());
    }

    static JsonNode request(TestUsers.Caller caller, String id) {
        HttpResponse<String> response = http.get(CM + "/requests/" + id, caller.auth());
        assertEquals(200, response.statusCode(), response.body());
        return json(response);
    }

    static JsonNode profileJson(TestUsers.Caller caller, String id) {
        HttpResponse<String> response = http.get(CM + "/profiles/" + id, caller.auth());
        assertEquals(200, response.statusCode(), response.body());
        return json(response);
    }

    static HttpResponse<String> put(TestUsers.Caller caller, String id, String status) {
        return http.put(CM + "/requests/" + id, "{\"status\":\"" + status + "\"}", caller.auth());
    }

    static List<String> operations(JsonNode profile) {
        List<String> operations = new ArrayList<>();
        profile.get("ProfileOperations").forEach(op -> operations.add(op.asText()));
        return operations;
    }

    static List<String> requestProfiles(TestUsers.Caller caller, String request) {
        HttpResponse<String> response = http.get(CM + "/requests/" + request + "/profiles", caller.auth());
        if (response.statusCode() == 204) {
            return List.of();
        }
        assertEquals(200, response.statusCode(), response.body());
        List<String> ids = new ArrayList<>();
        json(response).forEach(p -> ids.add(p.get("Uuid").asText()));
        return ids;
    }

    static int auditEvents(String objectId) {
        return db.jdbi()
                .withHandle(h -> h.createQuery("SELECT count(*) FROM audit_event WHERE object_id = :id")
                        .bind("id", objectId)
                        .mapTo(Integer.class)
                        .one());
    }

    @Test
    void disableAppliesAtOnceAndTheRequestShowsTheVendorShape() {
        String profile = profile(alice, TEMPLATE, 2);
        String id = initiated(alice, "Disable", profile);
        JsonNode request = request(alice, id);
        assertEquals(id, request.get("Uuid").asText());
        assertEquals(11, request.get("RequestType").asInt());
        assertEquals(8, request.get("Status").asInt(), "completed");
        assertEquals(alice.id().toString(), request.get("OriginatorUserUuid").asText());
        assertEquals(alice.id().toString(), request.get("TargetUserUuid").asText());
        assertEquals(profile, request.get("OldProfileUuid").asText());
        assertEquals(NIL, request.get("NewProfileUuid").asText());
        assertEquals(NIL, request.get("NewSmartcardUuid").asText());
        assertEquals(TEMPLATE, request.get("ProfileTemplateUuid").asText());
        assertTrue(request.get("Submitted").asText().endsWith("Z"));
        assertTrue(request.get("Completed").asText().endsWith("Z"));
        assertEquals(3, profileJson(alice, profile).get("Status").asInt(), "disabled");
        assertEquals(List.of("recover", "recoveronbehalf", "retire"), operations(profileJson(alice, profile)));
        assertEquals(List.of(profile), requestProfiles(alice, id));
        assertEquals(1, auditEvents(id), "one audit event for the request and its effect");
    }

    @Test
    void suspendOrReinstateTogglesBetweenActiveAndSuspended() {
        String profile = profile(alice, TEMPLATE, 2);
        initiated(alice, "SuspendOrReinstate", profile);
        JsonNode suspended = profileJson(alice, profile);
        assertEquals(4, suspended.get("Status").asInt());
        assertTrue(operations(suspended).contains("reinstate"));
        String reinstate = initiated(alice, "Reinstate", profile);
        assertEquals(10, request(alice, reinstate).get("RequestType").asInt());
        assertEquals(2, profileJson(alice, profile).get("Status").asInt());
    }

    @Test
    void retireEndsTheLifeCycle() {
        String profile = profile(alice, TEMPLATE, 2);
        String id = initiated(alice, "retire", profile);
        assertEquals(9, request(alice, id).get("RequestType").asInt());
        JsonNode retired = profileJson(alice, profile);
        assertEquals(6, retired.get("Status").asInt());
        assertEquals(List.of("recoveronbehalf"), operations(retired), "only recovery of archived certificates remains");
    }

    @Test
    void renewWaitsApprovedUntilCompletedThenCreatesTheChildAndRetiresTheParent() {
        String profile = profile(alice, TEMPLATE, 2);
        String id = initiated(alice, "Renew", profile);
        JsonNode approved = request(alice, id);
        assertEquals(3, approved.get("Status").asInt(), "approved: no approval needed");
        assertEquals(6, approved.get("RequestType").asInt());
        assertEquals("0001-01-01T00:00:00", approved.get("Completed").asText());
        assertEquals(2, profileJson(alice, profile).get("Status").asInt(), "nothing changes before completion");
        assertEquals(List.of(), requestProfiles(alice, id));

        HttpResponse<String> completed = put(alice, id, "Completed");
        assertEquals(200, completed.statusCode(), completed.body());
        assertEquals(8, json(completed).get("Status").asInt());
        String child = json(completed).get("NewProfileUuid").asText();
        JsonNode renewed = profileJson(alice, child);
        assertEquals(2, renewed.get("Status").asInt());
        assertEquals(profile, renewed.get("ParentProfileUuid").asText());
        assertEquals(2, renewed.get("ProfileTemplateVersion").asInt(), "issued from the template's current version");
        assertTrue(operations(renewed).contains("renew"));
        JsonNode parent = profileJson(alice, profile);
        assertEquals(6, parent.get("Status").asInt(), "the old one is retired");
        assertEquals(List.of(profile, child), requestProfiles(alice, id));
        assertEquals(2, auditEvents(id), "one for the submission, one for the completion");

        HttpResponse<String> again = put(alice, id, "Completed");
        assertEquals(409, again.statusCode(), again.body());
    }

    @Test
    void recoverCreatesAChildAndDisablesTheOldProfile() {
        String profile = profile(alice, TEMPLATE, 2);
        String id = initiated(alice, "Recover", profile);
        HttpResponse<String> completed = put(alice, id, "Completed");
        assertEquals(200, completed.statusCode(), completed.body());
        String child = json(completed).get("NewProfileUuid").asText();
        assertEquals(profile, profileJson(alice, child).get("ParentProfileUuid").asText());
        assertEquals(2, profileJson(alice, child).get("Status").asInt());
        assertEquals(3, profileJson(alice, profile).get("Status").asInt());
    }

    @Test
    void duplicateCreatesASecondActiveProfileWhosePrimaryIsTheOriginal() {
        String profile = profile(alice, TEMPLATE, 2);
        String id = initiated(alice, "Duplicate", profile);
        HttpResponse<String> completed = put(alice, id, "Completed");
        assertEquals(200, completed.statusCode(), completed.body());
        JsonNode copy = profileJson(alice, json(completed).get("NewProfileUuid").asText());
        assertEquals(profile, copy.get("PrimaryProfileUuid").asText());
        assertEquals(NIL, copy.get("ParentProfileUuid").asText());
        assertEquals(2, profileJson(alice, profile).get("Status").asInt(), "the original stays active");
    }

    @Test
    void unblockAndOnlineUpdateKeepTheProfileAndRecordTheEvent() {
        String profile = profile(alice, TEMPLATE, 2);
        for (String type : List.of("Unblock", "OnlineUpdate")) {
            String id = initiated(alice, type, profile);
            HttpResponse<String> completed = put(alice, id, "Completed");
            assertEquals(200, completed.statusCode(), completed.body());
            assertEquals(NIL, json(completed).get("NewProfileUuid").asText());
            assertEquals(List.of(profile), requestProfiles(alice, id));
            assertEquals(2, auditEvents(id));
        }
        assertEquals(
                5,
                request(alice, initiated(alice, "Unblock", profile))
                        .get("RequestType")
                        .asInt());
        assertEquals(2, profileJson(alice, profile).get("Status").asInt());
    }

    @Test
    void aCanceledOrAbandonedRequestChangesNoProfileAndCannotBeCompleted() {
        String profile = profile(alice, TEMPLATE, 2);
        String canceled = initiated(alice, "Renew", profile);
        HttpResponse<String> cancel = put(alice, canceled, "Canceled");
        assertEquals(200, cancel.statusCode(), cancel.body());
        assertEquals(17, json(cancel).get("Status").asInt());
        assertEquals(409, put(alice, canceled, "Completed").statusCode());
        String abandoned = initiated(alice, "Recover", profile);
        HttpResponse<String> abandon = put(alice, abandoned, "Abandoned");
        assertEquals(9, json(abandon).get("Status").asInt(), "abandoned ends Failed");
        JsonNode unchanged = profileJson(alice, profile);
        assertEquals(2, unchanged.get("Status").asInt());
        assertEquals(List.of(), requestProfiles(alice, canceled));
        assertEquals(List.of(), requestProfiles(alice, abandoned));
    }

    @Test
    void onlyTheRequesterOrAnAgentMayCompleteAndOnlyTheRequesterMayCancel() {
        String profile = profile(alice, TEMPLATE, 2);
        String id = initiated(alice, "Renew", profile);
        assertEquals(404, put(bob, id, "Completed").statusCode(), "bob cannot even see it");
        assertEquals(403, put(agent, id, "Canceled").statusCode());
        assertEquals(200, put(agent, id, "Completed").statusCode(), "an agent executes for the user");
    }

    @Test
    void anOperationTheProfileDoesNotOfferIsRefused() {
        String narrow = profile(alice, NARROW_TEMPLATE, 2);
        HttpResponse<String> notEnabled = initiate(alice, "Disable", narrow, NARROW_TEMPLATE);
        assertEquals(403, notEnabled.statusCode(), notEnabled.body());
        String disabled = profile(alice, TEMPLATE, 3);
        HttpResponse<String> wrongStatus = initiate(alice, "Renew", disabled, TEMPLATE);
        assertEquals(409, wrongStatus.statusCode(), "the status rules it out: a clash with the profile's state");
        HttpResponse<String> othersProfile = initiate(bob, "Disable", profile(alice, TEMPLATE, 2), TEMPLATE);
        assertEquals(400, othersProfile.statusCode(), "another user's profile is as unknown as a missing one");
        assertTrue(othersProfile.body().contains("\"profile\""), othersProfile.body());
        assertEquals(3, profileJson(alice, disabled).get("Status").asInt());
    }

    @Test
    void anAgentMayActOnBehalfOfTheOwner() {
        String profile = profile(alice, TEMPLATE, 2);
        HttpResponse<String> response =
                http.post(CM + "/requests", """
                {"profiletemplateuuid":"%s","target":"%s","type":"Disable","comment":"lost laptop","priority":3,
                 "datacollection":[{"name":"reason","value":"lost"}],"profile":"%s"}
                """.formatted(TEMPLATE, alice.id(), profile), agent.auth());
        assertEquals(201, response.statusCode(), response.body());
        JsonNode request = request(alice, json(response).asText().substring("api/v1.0/requests/".length()));
        assertEquals(agent.id().toString(), request.get("OriginatorUserUuid").asText());
        assertEquals(alice.id().toString(), request.get("TargetUserUuid").asText());
        assertEquals(3, request.get("Priority").asInt());
        assertEquals("lost laptop", request.get("Comment").asText());
        assertEquals("reason", request.get("DataCollection").get(0).get("Name").asText());
        assertEquals("lost", request.get("DataCollection").get(0).get("Value").asText());
    }

    @Test
    void badBodiesAre400NamingTheField() {
        String profile = profile(alice, TEMPLATE, 2);
        record Case(String body, String field) {}
        for (Case c : List.of(
                new Case("{\"profiletemplateuuid\":\"%s\",\"type\":\"Disable\",\"profile\":\"%s\"}", "comment"),
                new Case(
                        "{\"profiletemplateuuid\":\"%s\",\"type\":\"Fly\",\"comment\":\"\",\"profile\":\"%s\"}",
                        "type"),
                new Case(
                        "{\"profiletemplateuuid\":\"%s\",\"type\":\"Disable\",\"comment\":\"\",\"profile\":\"%s\","
                                + "\"priority\":\"high\"}",
                        "priority"),
                new Case(
                        "{\"profiletemplateuuid\":\"%s\",\"type\":\"Disable\",\"comment\":\"\",\"profile\":\"%s\","
                                + "\"datacollection\":\"nope\"}",
                        "datacollection"),
                new Case(
                        "{\"profiletemplateuuid\":\"%s\",\"type\":\"Disable\",\"comment\":\"\",\"profile\":\"%s\","
                                + "\"smartcard\":\"x\"}",
                        "smartcard"),
                new Case(
                        "{\"profiletemplateuuid\":\"%s\",\"type\":\"Disable\",\"comment\":\"\",\"profile\":\"%s\","
                                + "\"target\":\"" + bob.id() + "\"}",
                        "target"),
                new Case(
                        "{\"profiletemplateuuid\":\"%s\",\"type\":\"Disable\",\"comment\":\"\",\"profile\":\"%s\","
                                + "\"priority\":1.5}",
                        "priority"))) {
            HttpResponse<String> response =
                    http.post(CM + "/requests", c.body().formatted(TEMPLATE, profile), alice.auth());
            assertEquals(400, response.statusCode(), c.field() + ": " + response.body());
            assertTrue(response.body().contains("\"" + c.field() + "\""), c.field() + ": " + response.body());
        }
        for (String notAnObject : List.of("[]", "\"x\"", "{\"type\":", "")) {
            HttpResponse<String> response = http.post(CM + "/requests", notAnObject, alice.auth());
            assertEquals(400, response.statusCode(), "'" + notAnObject + "': " + response.body());
        }
        assertEquals(
                400,
                http.put(CM + "/requests/" + UUID.randomUUID(), "", alice.auth())
                        .statusCode());
        HttpResponse<String> mismatch = initiate(alice, "Disable", profile, NARROW_TEMPLATE);
        assertEquals(400, mismatch.statusCode());
        assertTrue(mismatch.body().contains("profiletemplateuuid"), mismatch.body());
        assertEquals(2, profileJson(alice, profile).get("Status").asInt(), "no refused request changed it");
        assertEquals(400, put(alice, UUID.randomUUID().toString(), "Done").statusCode());
    }

    @Test
    void theCallersRequestsAreListedFilteredAndPaged() {
        TestUsers.Caller carol = TestUsers.create(server, "carol");
        String first = profile(carol, TEMPLATE, 2);
        String renew = initiated(carol, "Renew", first);
        String disable = initiated(carol, "Disable", profile(carol, TEMPLATE, 2));
        String unblock = initiated(carol, "Unblock", first);

        HttpResponse<String> all = http.get(CM + "/requests?targetuser=current", carol.auth());
        assertEquals(200, all.statusCode(), all.body());
        List<String> ids = new ArrayList<>();
        json(all).forEach(r -> ids.add(r.get("Uuid").asText()));
        assertEquals(List.of(renew, disable, unblock), ids);

        JsonNode approved = json(http.get(CM + "/requests?status=Approved", carol.auth()));
        assertEquals(2, approved.size());
        JsonNode completed = json(http.get(CM + "/requests?status=8", carol.auth()));
        assertEquals(disable, completed.get(0).get("Uuid").asText());
        JsonNode unblocks = json(http.get(CM + "/requests?type=Unblock&status=approved", carol.auth()));
        assertEquals(unblock, unblocks.get(0).get("Uuid").asText());
        assertEquals(1, unblocks.size());
        assertEquals(204, http.get(CM + "/requests?status=Denied", carol.auth()).statusCode());
        assertEquals(
                400, http.get(CM + "/requests?status=Sleeping", carol.auth()).statusCode());
        assertEquals(
                403,
                http.get(CM + "/requests?targetuser=" + alice.id(), carol.auth())
                        .statusCode());
        HttpResponse<String> carolsForAnAgent = http.get(CM + "/requests?targetuser=" + carol.id(), agent.auth());
        assertEquals(200, carolsForAnAgent.statusCode(), "agents read others' requests as they read their profiles");
        assertEquals(3, json(carolsForAnAgent).size());

        HttpResponse<String> page = http.get(CM + "/requests?limit=2", carol.auth());
        assertEquals(2, json(page).size());
        String link = page.headers().firstValue("Link").orElseThrow();
        String next = link.substring(link.indexOf('<') + 1, link.indexOf('>'));
        HttpResponse<String> rest = http.get(next.substring(next.indexOf("/certificatemanagement")), carol.auth());
        assertEquals(unblock, json(rest).get(0).get("Uuid").asText());
        assertEquals(204, http.get(CM + "/requests", bob.auth()).statusCode(), "bob has none");
    }

    @Test
    void aRequestIsVisibleToItsRequesterAndTargetNotToOthers() {
        String id = initiated(alice, "Renew", profile(alice, TEMPLATE, 2));
        assertEquals(204, http.get(CM + "/requests/" + id, bob.auth()).statusCode());
        assertEquals(
                204,
                http.get(CM + "/requests/" + UUID.randomUUID(), alice.auth()).statusCode());
        assertEquals(200, http.get(CM + "/requests/" + id, agent.auth()).statusCode());
        assertEquals(400, http.get(CM + "/requests/not-a-guid", alice.auth()).statusCode());
    }
}
