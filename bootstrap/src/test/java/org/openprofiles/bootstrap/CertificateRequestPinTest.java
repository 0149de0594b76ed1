package org.openprofiles.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openprofiles.bootstrap.CertificateFixtures.CM;
import static org.openprofiles.bootstrap.CertificateFixtures.json;
import static org.openprofiles.bootstrap.CertificateRequestsTest.profileJson;
import static org.openprofiles.bootstrap.CertificateRequestsTest.request;

import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openprofiles.domain.security.Role;

/**
 * PINs on completing Enroll, Recover and Unblock: only when the template asks for one — generated and
 * handed over once, or supplied and checked against the template; none by default (the vendor's body).
 */
class CertificateRequestPinTest extends EndToEndTest {

    private static final String TEMPLATE = UUID.randomUUID().toString();
    private static TestUsers.Caller alice;
    private static TestUsers.Caller agent;

    @BeforeAll
    static void arrange() {
        alice = TestUsers.create(server, "alice");
        agent = TestUsers.create(server, "agent", Role.CM_AGENT);
        // The server sets the PIN on recovery; the user sets it on unblock, under a strict policy.
        HttpResponse<String> created =
                http.post("/admin/v1/profile-templates", """
                {"id":"%s","name":"Pins","version":1,
                 "pinPolicy":{"minLength":6,"maxLength":8,"requireDigit":true,"requireLowercase":true,
                              "requireUppercase":true,"requireSymbol":false},
                 "policies":{"recover":{"ownerMayInitiate":true,"onBehalfRoles":["cm-agent"],"serverGeneratesPin":true},
                             "unblock":{"ownerMayInitiate":true,"userSuppliesPin":true},"renew":{"ownerMayInitiate":true}}}
                """.formatted(TEMPLATE), TestUsers.admin());
        assertEquals(201, created.statusCode(), created.body());
    }

    private static String initiated(String type, String profile) {
        return CertificateRequestsTest.initiated(alice, type, profile, TEMPLATE);
    }

    private static HttpResponse<String> complete(TestUsers.Caller caller, String id, String pin) {
        String body = pin == null ? "{\"status\":\"Completed\"}" : "{\"status\":\"Completed\",\"pin\":\"" + pin + "\"}";
        return http.put(CM + "/requests/" + id, body, caller.auth());
    }

    private static int storedAnywhere(String text) {
        return db.jdbi()
                .withHandle(h -> h.createQuery("""
                        SELECT (SELECT count(*) FROM audit_event WHERE before::text LIKE :like OR after::text LIKE :like)
                             + (SELECT count(*) FROM certificate_request WHERE data_collection::text LIKE :like
                                                                          OR comment LIKE :like)
                        """)
                        .bind("like", "%" + text + "%")
                        .mapTo(Integer.class)
                        .one());
    }

    @Test
    void whenTheServerSetsThePinRecoveryHandsItToTheRequesterOnceAndStoresItNowhere() {
        String profile = CertificateRequestsTest.profile(alice, TEMPLATE, 2);
        String id = initiated("Recover", profile);
        HttpResponse<String> completed = complete(alice, id, null);
        assertEquals(200, completed.statusCode(), completed.body());
        String pin = json(completed).get("Pin").asText();
        assertTrue(
                pin.matches("[A-Za-z0-9]{8}")
                        && pin.matches(".*\\d.*")
                        && pin.matches(".*[a-z].*")
                        && pin.matches(".*[A-Z].*"),
                pin);
        assertFalse(request(alice, id).has("Pin"), "never shown again");
        assertEquals(0, storedAnywhere(pin));
        int events = db.jdbi()
                .withHandle(h -> h.createQuery(
                                "SELECT count(*) FROM audit_event WHERE object_id = :id AND after->>'pinSetBy' = 'server'")
                        .bind("id", id)
                        .mapTo(Integer.class)
                        .one());
        assertEquals(1, events, "the event says who set the PIN");
    }

    @Test
    void aServerSetPinIsNotAcceptedFromTheClientNorHandedToAnAgent() {
        String profile = CertificateRequestsTest.profile(alice, TEMPLATE, 2);
        String id = initiated("Recover", profile);
        HttpResponse<String> supplied = complete(alice, id, "Abc123");
        assertEquals(400, supplied.statusCode());
        assertTrue(supplied.body().contains("pin_set_by_server"), supplied.body());
        assertEquals(403, complete(agent, id, null).statusCode());
        assertEquals(2, profileJson(alice, profile).get("Status").asInt(), "nothing applied");
        assertEquals(3, request(alice, id).get("Status").asInt());
    }

    @Test
    void aUserPinMustMeetTheTemplatesPolicyElse400NamingTheRule() {
        String profile = CertificateRequestsTest.profile(alice, TEMPLATE, 2);
        String id = initiated("Unblock", profile);
        HttpResponse<String> missing = complete(alice, id, null);
        assertEquals(400, missing.statusCode());
        assertTrue(missing.body().contains("pin_required"), missing.body());
        HttpResponse<String> weak = complete(alice, id, "abc");
        assertEquals(400, weak.statusCode());
        assertTrue(
                weak.body().contains("pin_length")
                        && weak.body().contains("pin_needs_digit")
                        && weak.body().contains("pin_needs_uppercase")
                        && weak.body().contains("\"pin\""),
                weak.body());
        assertEquals(3, request(alice, id).get("Status").asInt(), "still Approved");

        HttpResponse<String> good = complete(alice, id, "Abc123x");
        assertEquals(200, good.statusCode(), good.body());
        assertFalse(json(good).has("Pin"), "the user's own PIN is not echoed");
        assertEquals(0, storedAnywhere("Abc123x"));
    }

    @Test
    void theVendorsCompletionWithoutAPinCompletesOnADefaultTemplateAndAPinSentAnywayIs400() {
        String defaults = UUID.randomUUID().toString();
        CertificateFixtures.template(http, defaults, 1, "enroll", "unblock");
        String enroll = json(http.post(CM + "/requests", """
                        {"profiletemplateuuid":"%s","type":"Enroll","comment":""}
                        """.formatted(defaults), alice.auth()))
                .asText()
                .substring("api/v1.0/requests/".length());
        HttpResponse<String> withPin = complete(alice, enroll, "4711");
        assertEquals(400, withPin.statusCode());
        assertTrue(withPin.body().contains("pin_not_expected"), withPin.body());
        HttpResponse<String> vendorBody = complete(alice, enroll, null);
        assertEquals(200, vendorBody.statusCode(), vendorBody.body());
        assertEquals(8, json(vendorBody).get("Status").asInt(), "Completed");
        assertFalse(json(vendorBody).has("Pin"));
    }

    @Test
    void aPinForATypeThatSetsNoneIs400() {
        String id = initiated("Renew", CertificateRequestsTest.profile(alice, TEMPLATE, 2));
        HttpResponse<String> response = complete(alice, id, "Abc123x");
        assertEquals(400, response.statusCode());
        assertTrue(response.body().contains("pin_not_expected"), response.body());
    }
}
