package org.openprofiles.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openprofiles.bootstrap.CertificateFixtures.CM;
import static org.openprofiles.bootstrap.CertificateFixtures.json;
import static org.openprofiles.bootstrap.CertificateRequestsTest.auditEvents;
import static org.openprofiles.bootstrap.CertificateRequestsTest.profileJson;
import static org.openprofiles.bootstrap.CertificateRequestsTest.put;
import static org.openprofiles.bootstrap.CertificateRequestsTest.request;
import static org.openprofiles.bootstrap.CertificateRequestsTest.requestProfiles;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openprofiles.domain.security.Role;

/** Requests whose template policy needs approvals: Pending until enough distinct approvers approve; one denial ends it. */
class CertificateRequestApprovalsTest extends EndToEndTest {

    private static final String TEMPLATE = UUID.randomUUID().toString();

    private static TestUsers.Caller alice;
    private static TestUsers.Caller agent;
    private static TestUsers.Caller approver1;
    private static TestUsers.Caller approver2;

    @BeforeAll
    static void arrange() {
        alice = TestUsers.create(server, "alice");
        agent = TestUsers.create(server, "agent", Role.CM_AGENT);
        approver1 = TestUsers.create(server, "approver1", Role.CM_APPROVER);
        approver2 = TestUsers.create(server, "approver2", Role.CM_APPROVER);
        String twoApprovals = "{\"ownerMayInitiate\":true,\"approvalsNeeded\":2,\"approverRole\":\"cm-approver\"}";
        String oneApproval = "{\"ownerMayInitiate\":true,\"approvalsNeeded\":1,\"approverRole\":\"cm-approver\"}";
        HttpResponse<String> created = http.post(
                "/admin/v1/profile-templates",
                """
                {"id":"%s","name":"Approvals","version":1,"policies":{"disable":%s,"renew":%s,"suspend":%s,
                 "retire":{"ownerMayInitiate":true}}}
                """.formatted(TEMPLATE, twoApprovals, twoApprovals, oneApproval),
                TestUsers.admin());
        assertEquals(201, created.statusCode(), created.body());
    }

    private static String profile(TestUsers.Caller owner) {
        return CertificateRequestsTest.profile(owner, TEMPLATE, 2);
    }

    private static String initiated(TestUsers.Caller caller, String type, String profile) {
        return CertificateRequestsTest.initiated(caller, type, profile, TEMPLATE);
    }

    private static HttpResponse<String> approve(TestUsers.Caller caller, String id) {
        return http.post(CM + "/requests/" + id + "/approve", "", caller.auth());
    }

    private static HttpResponse<String> deny(TestUsers.Caller caller, String id) {
        return http.post(CM + "/requests/" + id + "/deny", "", caller.auth());
    }

    @Test
    void disableWaitsPendingUntilTwoDistinctApproversApproveThenAppliesAtOnce() {
        String profile = profile(alice);
        String id = initiated(alice, "Disable", profile);
        assertEquals(16, request(alice, id).get("Status").asInt(), "pending");
        assertEquals(2, profileJson(alice, profile).get("Status").asInt());

        HttpResponse<String> first = approve(approver1, id);
        assertEquals(200, first.statusCode(), first.body());
        assertEquals(16, json(first).get("Status").asInt(), "one of two approvals");
        assertEquals(409, approve(approver1, id).statusCode(), "the same approver counts once");
        assertEquals(2, profileJson(alice, profile).get("Status").asInt());

        HttpResponse<String> second = approve(approver2, id);
        assertEquals(200, second.statusCode(), second.body());
        assertEquals(8, json(second).get("Status").asInt());
        assertEquals(3, profileJson(alice, profile).get("Status").asInt(), "disabled as soon as approved");
        assertEquals(List.of(profile), requestProfiles(alice, id));
        assertEquals(3, auditEvents(id), "submit, approve, approve-and-execute");
    }

    @Test
    void renewWithApprovalsWaitsApprovedForTheClientThenBuildsTheChain() {
        String profile = profile(alice);
        String id = initiated(alice, "Renew", profile);
        assertEquals(409, put(alice, id, "Completed").statusCode(), "not approved yet");
        approve(approver1, id);
        assertEquals(3, json(approve(approver2, id)).get("Status").asInt(), "approved, waiting for the client");
        assertEquals(2, profileJson(alice, profile).get("Status").asInt());
        HttpResponse<String> completed = put(alice, id, "Completed");
        assertEquals(200, completed.statusCode(), completed.body());
        String child = json(completed).get("NewProfileUuid").asText();
        assertEquals(profile, profileJson(alice, child).get("ParentProfileUuid").asText());
        assertEquals(6, profileJson(alice, profile).get("Status").asInt());
    }

    @Test
    void oneDenialEndsTheRequestAndChangesNoProfile() {
        String profile = profile(alice);
        String id = initiated(alice, "Disable", profile);
        approve(approver1, id);
        HttpResponse<String> denied = deny(approver2, id);
        assertEquals(200, denied.statusCode(), denied.body());
        assertEquals(4, json(denied).get("Status").asInt());
        assertEquals(409, approve(approver2, id).statusCode());
        assertEquals(409, put(alice, id, "Canceled").statusCode());
        assertEquals(2, profileJson(alice, profile).get("Status").asInt());
        assertEquals(List.of(), requestProfiles(alice, id));
    }

    @Test
    void neverTheRequesterAndOnlyHoldersOfTheApproverRoleDecide() {
        String own = profile(approver1);
        String id = initiated(approver1, "Disable", own);
        assertEquals(403, approve(approver1, id).statusCode(), "no one approves their own request");
        String other = initiated(alice, "Disable", profile(alice));
        assertEquals(403, approve(alice, other).statusCode());
        assertEquals(403, approve(agent, other).statusCode());
        assertEquals(403, deny(agent, other).statusCode());
        assertEquals(404, approve(approver1, UUID.randomUUID().toString()).statusCode());
        assertEquals(16, request(alice, other).get("Status").asInt());
        assertEquals(
                200,
                http.get(CM + "/requests/" + other, approver1.auth()).statusCode(),
                "approvers see what they decide on");
    }

    @Test
    void theRequesterMayCancelWhilePending() {
        String profile = profile(alice);
        String id = initiated(alice, "Disable", profile);
        HttpResponse<String> canceled = put(alice, id, "Canceled");
        assertEquals(17, json(canceled).get("Status").asInt());
        assertEquals(409, approve(approver1, id).statusCode());
        assertEquals(2, profileJson(alice, profile).get("Status").asInt());
    }

    @Test
    void anApprovalThatComesAfterTheProfileChangedEndsTheRequestFailedWithoutTouchingIt() {
        String profile = profile(alice);
        String suspend = initiated(alice, "SuspendOrReinstate", profile);
        HttpResponse<String> retire = CertificateRequestsTest.initiate(alice, "Retire", profile, TEMPLATE);
        assertEquals(201, retire.statusCode(), retire.body());
        HttpResponse<String> approved = approve(approver1, suspend);
        assertEquals(200, approved.statusCode(), approved.body());
        assertEquals(9, json(approved).get("Status").asInt(), "failed: a retired profile cannot be suspended");
        assertEquals(6, profileJson(alice, profile).get("Status").asInt());
        assertEquals(List.of(), requestProfiles(alice, suspend));
    }

    @Test
    void anApproversQueueListsThePendingRequestsItMayDecideUntilItDecides() {
        TestUsers.Caller approver3 = TestUsers.create(server, "approver3", Role.CM_APPROVER);
        String first = initiated(alice, "Disable", profile(alice));
        String second = initiated(alice, "Renew", profile(alice));
        String own = initiated(approver3, "Disable", profile(approver3));
        String approved = initiated(alice, "Retire", profile(alice));

        List<String> queue = queue(approver3);
        assertTrue(queue.containsAll(List.of(first, second)), queue.toString());
        assertFalse(queue.contains(own), "never one's own request");
        assertFalse(queue.contains(approved), "a request needing no approval is not Pending");

        assertEquals(200, approve(approver3, first).statusCode());
        List<String> after = queue(approver3);
        assertFalse(after.contains(first), "decided once: gone from this approver's queue");
        assertTrue(after.contains(second));
        assertTrue(queue(approver2).contains(first), "still waiting for another approver");
        assertEquals(
                204,
                http.get(CM + "/requests?pendingmyapproval=true", agent.auth()).statusCode(),
                "an agent decides nothing");
        assertEquals(
                400,
                http.get(CM + "/requests?pendingmyapproval=maybe", approver3.auth())
                        .statusCode());
    }

    /** Every page of the caller's approval queue, following Link rel=next with limit=1. */
    private static List<String> queue(TestUsers.Caller caller) {
        List<String> ids = new java.util.ArrayList<>();
        String path = CM + "/requests?PendingMyApproval=TRUE&limit=1";
        while (path != null) {
            HttpResponse<String> page = http.get(path, caller.auth());
            if (page.statusCode() == 204) {
                break;
            }
            assertEquals(200, page.statusCode(), page.body());
            json(page).forEach(r -> {
                assertEquals(16, r.get("Status").asInt(), "only Pending requests");
                ids.add(r.get("Uuid").asText());
            });
            path = page.headers()
                    .firstValue("Link")
                    .map(link -> link.substring(link.indexOf('<') + 1, link.indexOf('>')))
                    .map(next -> next.substring(next.indexOf("/certificatemanagement")))
                    .orElse(null);
        }
        return ids;
    }
}
