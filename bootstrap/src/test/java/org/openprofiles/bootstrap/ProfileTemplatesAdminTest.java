package org.openprofiles.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openprofiles.bootstrap.CertificateFixtures.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openprofiles.domain.security.Role;

/** {@code /admin/v1/profile-templates}: create, read, list, update, each write audited. */
class ProfileTemplatesAdminTest extends EndToEndTest {

    private static final String PATH = "/admin/v1/profile-templates";

    private static int auditEvents(String objectId) {
        return db.jdbi()
                .withHandle(h -> h.createQuery("SELECT count(*) FROM audit_event WHERE object_id = :id")
                        .bind("id", objectId)
                        .mapTo(Integer.class)
                        .one());
    }

    @Test
    void aTemplateIsCreatedWithItsPoliciesReadBackAndAuditedOnce() {
        HttpResponse<String> created = http.post(PATH, """
                {"name":"Smart users","description":"for people",
                 "pinPolicy":{"minLength":6,"maxLength":8,"requireDigit":true,"requireLowercase":false,
                              "requireUppercase":false,"requireSymbol":false},
                 "policies":{"renew":{"ownerMayInitiate":true,"onBehalfRoles":["cm-agent"],"approvalsNeeded":1,
                                      "approverRole":"cm-approver","serverGeneratesPin":true},
                             "disable":{}}}
                """, TestUsers.admin());
        assertEquals(201, created.statusCode(), created.body());
        JsonNode body = json(created);
        String id = body.get("id").asText();
        assertTrue(created.headers().firstValue("Location").orElse("").endsWith(PATH + "/" + id));
        assertEquals(1, body.get("version").asInt(), "a new template starts at version 1");
        assertEquals(6, body.get("pinPolicy").get("minLength").asInt());
        JsonNode renew = body.get("policies").get("renew");
        assertEquals(1, renew.get("approvalsNeeded").asInt());
        assertEquals("cm-approver", renew.get("approverRole").asText());
        assertTrue(renew.get("serverGeneratesPin").asBoolean());
        JsonNode disable = body.get("policies").get("disable");
        assertTrue(
                disable.get("enabled").asBoolean()
                        && disable.get("ownerMayInitiate").asBoolean(),
                "an empty policy is enabled for owners");

        HttpResponse<String> read = http.get(PATH + "/" + id, TestUsers.admin());
        assertEquals(200, read.statusCode());
        assertEquals(body.get("policies"), json(read).get("policies"));
        assertEquals(1, auditEvents(id));
    }

    @Test
    void aMigratedTemplateKeepsItsIdAndVersionAndEveryUpdateRaisesTheVersion() {
        String id = UUID.randomUUID().toString();
        CertificateFixtures.template(http, id, 8, "renew");
        HttpResponse<String> stale = http.put(PATH + "/" + id, "{\"name\":\"x\",\"version\":7}", TestUsers.admin());
        assertEquals(412, stale.statusCode(), stale.body());
        HttpResponse<String> updated = http.put(
                PATH + "/" + id,
                "{\"name\":\"Renamed\",\"version\":8,\"policies\":{\"retire\":{\"ownerMayInitiate\":false}}}",
                TestUsers.admin());
        assertEquals(200, updated.statusCode(), updated.body());
        assertEquals(9, json(updated).get("version").asInt());
        assertEquals("Renamed", json(updated).get("name").asText());
        List<String> operations = new ArrayList<>();
        json(http.get(PATH + "/" + id, TestUsers.admin()))
                .get("policies")
                .fieldNames()
                .forEachRemaining(operations::add);
        assertEquals(List.of("retire"), operations, "an update replaces the policies");
        assertEquals(2, auditEvents(id), "one event for the create, one for the update");
        HttpResponse<String> taken = http.post(PATH, "{\"id\":\"" + id + "\",\"name\":\"again\"}", TestUsers.admin());
        assertEquals(409, taken.statusCode());
    }

    @Test
    void badTemplatesAre400sNamingTheField() {
        HttpResponse<String> operation =
                http.post(PATH, "{\"name\":\"t\",\"policies\":{\"fly\":{}}}", TestUsers.admin());
        assertEquals(400, operation.statusCode());
        assertEquals("policies.fly", json(operation).get("field").asText());
        HttpResponse<String> role = http.post(
                PATH, "{\"name\":\"t\",\"policies\":{\"renew\":{\"onBehalfRoles\":[\"king\"]}}}", TestUsers.admin());
        assertEquals("policies.renew.onBehalfRoles", json(role).get("field").asText());
        HttpResponse<String> approvals =
                http.post(PATH, "{\"name\":\"t\",\"policies\":{\"renew\":{\"approvalsNeeded\":2}}}", TestUsers.admin());
        assertEquals("policies.renew.approverRole", json(approvals).get("field").asText());
        assertEquals(
                "name",
                json(http.post(PATH, "{\"name\":\" \"}", TestUsers.admin()))
                        .get("field")
                        .asText());
        assertEquals(
                "id",
                json(http.post(PATH, "{\"id\":\"x\",\"name\":\"t\"}", TestUsers.admin()))
                        .get("field")
                        .asText());
        assertEquals(
                400,
                http.post(PATH, "{\"name\":\"t\",\"colour\":1}", TestUsers.admin())
                        .statusCode());
        assertEquals(
                404, http.get(PATH + "/" + UUID.randomUUID(), TestUsers.admin()).statusCode());
    }

    @Test
    void templatesAreListedByNameInPages() {
        for (String name : List.of("zz-c", "zz-a", "zz-b")) {
            assertEquals(
                    201,
                    http.post(PATH, "{\"name\":\"" + name + "\"}", TestUsers.admin())
                            .statusCode());
        }
        List<String> names = new ArrayList<>();
        String next = PATH + "?limit=2";
        while (next != null) {
            HttpResponse<String> page = http.get(next, TestUsers.admin());
            assertEquals(200, page.statusCode());
            json(page).forEach(t -> names.add(t.get("name").asText()));
            next = page.headers()
                    .firstValue("Link")
                    .map(link -> link.substring(link.indexOf(PATH), link.indexOf('>')))
                    .orElse(null);
        }
        List<String> ours = names.stream().filter(n -> n.startsWith("zz-")).toList();
        assertEquals(List.of("zz-a", "zz-b", "zz-c"), ours);
    }

    @Test
    void onlyAdministratorsManageTemplates() {
        TestUsers.Caller agent = TestUsers.create(server, "template-agent", Role.CM_AGENT, Role.PROFILE_MANAGER);
        assertEquals(403, http.post(PATH, "{\"name\":\"t\"}", agent.auth()).statusCode());
        assertEquals(403, http.get(PATH, agent.auth()).statusCode());
    }
}
