package org.openprofiles.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openprofiles.domain.security.Role;

/** Directory bulk loads, the attribute catalog, and who may administer them. */
class AccessAdministrationTest extends EndToEndTest {

    private static long count(String sql) {
        return db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    @Test
    void aBulkLoadWithOneBadItemWritesNothingAndNamesTheItem() {
        long accounts = count("SELECT count(*) FROM directory_account");
        String body = AccessFixtures.write(List.of(
                Map.of("id", UUID.randomUUID().toString(), "samAccountName", "fine"),
                Map.of("id", UUID.randomUUID().toString(), "samAccountName", "  "),
                Map.of(
                        "id",
                        UUID.randomUUID().toString(),
                        "samAccountName",
                        "ghost-member",
                        "groups",
                        List.of(UUID.randomUUID().toString()))));
        HttpResponse<String> refused = http.post("/admin/v1/directory/accounts", body, TestUsers.admin());
        assertEquals(400, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("[1].samAccountName"), refused.body());
        assertEquals(accounts, count("SELECT count(*) FROM directory_account"));
        String unknownGroup = AccessFixtures.write(List.of(Map.of(
                "id",
                UUID.randomUUID().toString(),
                "samAccountName",
                "ghost-member",
                "groups",
                List.of(UUID.randomUUID().toString()))));
        HttpResponse<String> unknown = http.post("/admin/v1/directory/accounts", unknownGroup, TestUsers.admin());
        assertEquals(400, unknown.statusCode(), unknown.body());
        assertTrue(unknown.body().contains("unknown_group"), unknown.body());
        assertEquals(accounts, count("SELECT count(*) FROM directory_account"));
    }

    @Test
    void aBulkLoadReplacesAnAccountsMembershipsAndAttributes() {
        AccessFixtures fixtures = new AccessFixtures(http);
        List<UUID> groups = fixtures.groups("Replace-1", "Replace-2");
        UUID id = UUID.randomUUID();
        for (List<UUID> memberOf : List.of(groups, groups.subList(1, 2))) {
            String body = AccessFixtures.write(List.of(Map.of(
                    "id",
                    id.toString(),
                    "samAccountName",
                    "replaced",
                    "groups",
                    memberOf.stream().map(UUID::toString).toList(),
                    "attributes",
                    Map.of("Title", "T"))));
            HttpResponse<String> loaded = http.post("/admin/v1/directory/accounts", body, TestUsers.admin());
            assertEquals(200, loaded.statusCode(), loaded.body());
            assertEquals(1, AccessFixtures.json(loaded).get("upserted").asInt());
        }
        assertEquals(1, count("SELECT count(*) FROM account_group_membership WHERE account_id = '" + id + "'"));
        assertEquals(
                1, count("SELECT count(*) FROM account_attribute WHERE account_id = '" + id + "' AND name = 'title'"));
    }

    @Test
    void adminsExtendTheCatalogAndProfilesAreCheckedAgainstIt() {
        String definition = """
                {"label": "Cost Centre", "type": "ComboBox", "definedValues": ["CC-1", "CC-2"]}
                """;
        assertEquals(
                403,
                http.put(
                                "/admin/v1/access/attributes/costCenter",
                                definition,
                                TestUsers.create(server, "catalog-manager", Role.PROFILE_MANAGER)
                                        .auth())
                        .statusCode());
        HttpResponse<String> defined =
                http.put("/admin/v1/access/attributes/costCenter", definition, TestUsers.admin());
        assertEquals(200, defined.statusCode(), defined.body());
        JsonNode attributes = AccessFixtures.json(http.get("/api/v1/Profiles/Attributes", TestUsers.admin()))
                .get("availableAttributes");
        JsonNode last = attributes.get(attributes.size() - 1);
        assertEquals("costcenter", last.get("key").asText());
        assertEquals("ComboBox", last.get("value").get("Type").asText());
        assertEquals(
                List.of("CC-1", "CC-2"),
                List.of(
                        last.get("value")
                                .get("constraints")
                                .get("definedValues")
                                .get(0)
                                .asText(),
                        last.get("value")
                                .get("constraints")
                                .get("definedValues")
                                .get(1)
                                .asText()));

        HttpResponse<String> refused = http.post(
                "/api/v1/Profiles/CreateUpdate",
                "{\"name\": \"Cost\", \"color\": 1, \"ldapAttributes\": [{\"key\": \"costcenter\", \"value\": \"CC-9\"}]}",
                TestUsers.admin());
        assertEquals(400, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("not_a_defined_value"), refused.body());
        assertEquals(
                201,
                http.post(
                                "/api/v1/Profiles/CreateUpdate",
                                "{\"name\": \"Cost\", \"color\": 1, \"ldapAttributes\": [{\"key\": \"costcenter\", \"value\": \"CC-2\"}]}",
                                TestUsers.admin())
                        .statusCode());
        HttpResponse<String> badType =
                http.put("/admin/v1/access/attributes/x", "{\"type\": \"Slider\"}", TestUsers.admin());
        assertEquals(400, badType.statusCode());
        assertTrue(badType.body().contains("\"field\":\"type\""), badType.body());
    }
}
