package org.openprofiles.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openprofiles.bootstrap.CertificateFixtures.json;
import static org.openprofiles.bootstrap.CertificateFixtures.profile;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openprofiles.domain.security.Role;

/** {@code POST /admin/v1/certificate-profiles/import}: checked as a whole, all or nothing, idempotent. */
class CertificateProfileImportTest extends EndToEndTest {

    private static final String TEMPLATE = UUID.randomUUID().toString();
    private static TestUsers.Caller owner;

    @BeforeAll
    static void arrange() {
        owner = TestUsers.create(server, "import-owner");
        CertificateFixtures.template(http, TEMPLATE, 5, "renew");
    }

    private static int count(String sql) {
        return db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Integer.class).one());
    }

    @Test
    void anImportWithFaultsWritesNothingAndNamesEveryFaultByItem() {
        int profilesBefore = count("SELECT count(*) FROM certificate_profile");
        int eventsBefore = count("SELECT count(*) FROM audit_event");
        String good = profile(UUID.randomUUID(), "2", owner.id().toString(), TEMPLATE, 5);
        String unknownUser = profile(UUID.randomUUID(), "2", UUID.randomUUID().toString(), TEMPLATE, 5);
        String unknownTemplate = profile(
                UUID.randomUUID(), "2", owner.id().toString(), UUID.randomUUID().toString(), 1);
        String futureVersion = profile(UUID.randomUUID(), "2", owner.id().toString(), TEMPLATE, 6);
        String badStatus = profile(UUID.randomUUID(), "5", owner.id().toString(), TEMPLATE, 5);
        String badGuid = profile(UUID.randomUUID(), "2", owner.id().toString(), TEMPLATE, 5)
                .replaceFirst("\"ParentProfileUuid\":\"0{8}", "\"ParentProfileUuid\":\"zzzzzzzz");
        HttpResponse<String> response = CertificateFixtures.importProfiles(
                http,
                "[" + String.join(",", good, unknownUser, unknownTemplate, futureVersion, badStatus, badGuid) + "]");

        assertEquals(400, response.statusCode(), response.body());
        List<String> faults = new ArrayList<>();
        json(response)
                .get("errors")
                .forEach(e ->
                        faults.add(e.get("field").asText() + " " + e.get("code").asText()));
        assertEquals(
                List.of(
                        "[1].AssignedUserUuid unknown_user",
                        "[2].ProfileTemplateUuid unknown_template",
                        "[3].ProfileTemplateVersion future_template_version",
                        "[4].Status unknown_status",
                        "[5].ParentProfileUuid invalid_guid"),
                faults);
        assertEquals(profilesBefore, count("SELECT count(*) FROM certificate_profile"), "nothing written");
        assertEquals(eventsBefore, count("SELECT count(*) FROM audit_event"), "nothing audited");
    }

    @Test
    void reImportingIsIdempotentAndADifferentProfileUnderAKnownUuidIsRefused() {
        UUID id = UUID.randomUUID();
        UUID parentFromBeforeTheMigration = UUID.randomUUID();
        String item = profile(id, "3", owner.id().toString(), TEMPLATE, 4)
                .replaceFirst(
                        "\"ParentProfileUuid\":\"[0-]+\"",
                        "\"ParentProfileUuid\":\"" + parentFromBeforeTheMigration + "\"")
                .replace("\"Comment\":\"\"", "\"Comment\":\"migrated\"");
        HttpResponse<String> first = CertificateFixtures.importProfiles(http, "[" + item + "]");
        assertEquals(200, first.statusCode(), first.body());
        assertEquals(1, json(first).get("imported").asInt());
        String importId = json(first).get("importId").asText();
        assertEquals(
                1,
                count("SELECT count(*) FROM audit_event WHERE action = 'certificate-profile.import' "
                        + "AND object_id = '" + importId + "' AND after -> 'profiles' @> '[\"" + id + "\"]'"),
                "one summary event");

        HttpResponse<String> again = CertificateFixtures.importProfiles(http, "[" + item + "]");
        assertEquals(200, again.statusCode(), again.body());
        assertEquals(0, json(again).get("imported").asInt());
        assertEquals(1, json(again).get("unchanged").asInt());

        HttpResponse<String> changed =
                CertificateFixtures.importProfiles(http, "[" + item.replace("\"Flags\":1", "\"Flags\":0") + "]");
        assertEquals(400, changed.statusCode());
        assertEquals("uuid_conflict", json(changed).get("code").asText());

        HttpResponse<String> seen = http.get(CertificateFixtures.CM + "/profiles/" + id, owner.auth());
        assertEquals(200, seen.statusCode());
        assertEquals(
                parentFromBeforeTheMigration.toString(),
                json(seen).get("ParentProfileUuid").asText(),
                "a parent that is not here is kept as given");
        assertEquals("migrated", json(seen).get("Comment").asText());
        assertEquals(3, json(seen).get("Status").asInt());
    }

    @Test
    void anImportOfNewAndAlreadyImportedProfilesAddsTheNewOnesInOrderAndCountsTheOthersUnchanged() {
        UUID firstId = UUID.randomUUID();
        UUID thirdId = UUID.randomUUID();
        String first = profile(firstId, "2", owner.id().toString(), TEMPLATE, 5);
        String second = profile(UUID.randomUUID(), "3", owner.id().toString(), TEMPLATE, 5);
        String third = profile(thirdId, "2", owner.id().toString(), TEMPLATE, 5);
        CertificateFixtures.imported(http, "[" + second + "]");
        int profilesBefore = count("SELECT count(*) FROM certificate_profile");

        HttpResponse<String> response =
                CertificateFixtures.importProfiles(http, "[" + String.join(",", first, second, third) + "]");

        assertEquals(200, response.statusCode(), response.body());
        assertEquals(2, json(response).get("imported").asInt());
        assertEquals(1, json(response).get("unchanged").asInt());
        assertEquals(profilesBefore + 2, count("SELECT count(*) FROM certificate_profile"));
        assertEquals(
                1,
                count("SELECT count(*) FROM certificate_profile a JOIN certificate_profile b ON a.seq < b.seq"
                        + " WHERE a.id = '" + firstId + "' AND b.id = '" + thirdId + "'"),
                "in the order of the array");
    }

    @Test
    void anImportOfNewProfilesOfKnownUsersLooksNeitherUsersNorIdsUpBeforeItsInsert() {
        // Warmed: the caller and the statements' first runs come before the measured import.
        CertificateFixtures.imported(
                http, "[" + profile(UUID.randomUUID(), "2", owner.id().toString(), TEMPLATE, 5) + "]");
        String three = String.join(
                ",",
                profile(UUID.randomUUID(), "2", owner.id().toString(), TEMPLATE, 5),
                profile(UUID.randomUUID(), "3", owner.id().toString(), TEMPLATE, 5),
                profile(UUID.randomUUID(), "2", owner.id().toString(), TEMPLATE, 5));
        long before = server.database().statements().count();

        HttpResponse<String> response = CertificateFixtures.importProfiles(http, "[" + three + "]");

        assertEquals(200, response.statusCode(), response.body());
        assertEquals(3, json(response).get("imported").asInt());
        // The template with its policies, and the audit event; the COPY is not a counted statement.
        assertEquals(3, server.database().statements().count() - before);
    }

    @Test
    void anImportWhoseOnlyFaultIsAnUnknownUserNamesItAndWritesNothing() {
        int profilesBefore = count("SELECT count(*) FROM certificate_profile");
        int eventsBefore = count("SELECT count(*) FROM audit_event");
        String good = profile(UUID.randomUUID(), "2", owner.id().toString(), TEMPLATE, 5);
        String unknownUser = profile(UUID.randomUUID(), "2", UUID.randomUUID().toString(), TEMPLATE, 5);

        HttpResponse<String> response = CertificateFixtures.importProfiles(http, "[" + good + "," + unknownUser + "]");

        assertEquals(400, response.statusCode(), response.body());
        assertEquals("[1].AssignedUserUuid", json(response).get("field").asText());
        assertEquals("unknown_user", json(response).get("code").asText());
        assertEquals(profilesBefore, count("SELECT count(*) FROM certificate_profile"), "nothing written");
        assertEquals(eventsBefore, count("SELECT count(*) FROM audit_event"), "nothing audited");
    }

    @Test
    void aUuidTwiceInOneImportIsRefused() {
        String item = profile(UUID.randomUUID(), "2", owner.id().toString(), TEMPLATE, 5);
        HttpResponse<String> response = CertificateFixtures.importProfiles(http, "[" + item + "," + item + "]");
        assertEquals(400, response.statusCode());
        assertEquals("[1].Uuid", json(response).get("field").asText());
        assertEquals("duplicate_uuid", json(response).get("code").asText());
    }

    @Test
    void emptyMalformedAndOversizedImportsAre400s() {
        assertEquals(400, CertificateFixtures.importProfiles(http, "[]").statusCode());
        assertEquals(400, CertificateFixtures.importProfiles(http, "{}").statusCode());
        HttpResponse<String> wrongType = CertificateFixtures.importProfiles(http, "[{\"Status\":\"Active\"}]");
        assertEquals(400, wrongType.statusCode());
        assertTrue(json(wrongType).get("field").asText().contains("Status"), wrongType.body());
        String item = profile(UUID.randomUUID(), "2", owner.id().toString(), TEMPLATE, 5);
        String tooMany = "[" + String.join(",", java.util.Collections.nCopies(10_001, item)) + "]";
        HttpResponse<String> oversized = CertificateFixtures.importProfiles(http, tooMany);
        assertEquals(400, oversized.statusCode());
        assertEquals("too_many_profiles", json(oversized).get("code").asText());
    }

    @Test
    void onlyAdministratorsImport() {
        TestUsers.Caller agent = TestUsers.create(server, "import-agent", Role.CM_AGENT);
        HttpResponse<String> response = http.post(
                "/admin/v1/certificate-profiles/import",
                "[" + profile(UUID.randomUUID(), "2", owner.id().toString(), TEMPLATE, 5) + "]",
                agent.auth());
        assertEquals(403, response.statusCode());
    }
}
