package org.openprofiles.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;

/** Arranges templates and profiles for certificate tests through the admin API, as a migration would. */
final class CertificateFixtures {

    static final String CM = "/certificatemanagement/api/v1.0";

    private CertificateFixtures() {}

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The response's body as a JSON tree; fails the test when it is not JSON. */
    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    /** A template at {@code version} whose listed operations owners may initiate and cm-agent may on their behalf. */
    static void template(Http http, String id, long version, String... ownerOperations) {
        String policies = Arrays.stream(ownerOperations)
                .map(op -> "\"" + op + "\":{\"ownerMayInitiate\":true,\"onBehalfRoles\":[\"cm-agent\"]}")
                .collect(Collectors.joining(","));
        HttpResponse<String> created =
                http.post("/admin/v1/profile-templates", """
                {"id":"%s","name":"Template %s","version":%d,"policies":{%s}}
                """.formatted(id, id, version, policies), TestUsers.admin());
        assertEquals(201, created.statusCode(), created.body());
    }

    /** One profile in the document's shape. */
    static String profile(UUID id, String status, String owner, String template, long version) {
        return """
                {"Uuid":"%s","Status":%s,"Flags":1,"ParentProfileUuid":"00000000-0000-0000-0000-000000000000",
                 "PrimaryProfileUuid":"00000000-0000-0000-0000-000000000000","AssignedUserUuid":"%s",
                 "ProfileTemplateUuid":"%s","ProfileTemplateVersion":%d,"Comment":""}
                """.formatted(id, status, owner, template, version);
    }

    static HttpResponse<String> importProfiles(Http http, String jsonArray) {
        return http.post("/admin/v1/certificate-profiles/import", jsonArray, TestUsers.admin());
    }

    static void imported(Http http, String jsonArray) {
        HttpResponse<String> response = importProfiles(http, jsonArray);
        assertEquals(200, response.statusCode(), response.body());
    }
}
