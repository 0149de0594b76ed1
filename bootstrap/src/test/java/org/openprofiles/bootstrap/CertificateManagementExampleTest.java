package org.openprofiles.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openprofiles.domain.security.UserId;

/**
 * The Certificate Management document's own example, replayed: its three profiles are imported in
 * the document's JSON, and its request gets back exactly its response.
 */
class CertificateManagementExampleTest extends EndToEndTest {

    /** The response body of the document's example, verbatim. */
    private static final String DOCUMENTED_RESPONSE = """
            [
                {
                    "Uuid":"c0dd5c7d-ec35-4346-baca-3ad711e9722f",
                    "Status":2,
                    "Flags":1,
                    "ParentProfileUuid":"1c9e2606-fea2-4048-a6ac-b014e54c22df",
                    "PrimaryProfileUuid":"00000000-0000-0000-0000-000000000000",
                    "AssignedUserUuid":"0378a33b-8650-4713-a727-efd233903643",
                    "ProfileTemplateUuid":"8f31803f-8afc-49bb-911d-402ec264b589",
                    "ProfileTemplateVersion":8,
                    "Comment":"",
                    "ProfileOperations":[
                        "renew",
                        "disable",
                        "recover"
                    ]
                },
                {
                    "Uuid":"5ad77b40-aa42-4533-9396-c9c59fd021a8",
                    "Status":2,
                    "Flags":1,
                    "ParentProfileUuid":"00000000-0000-0000-0000-000000000000",
                    "PrimaryProfileUuid":"00000000-0000-0000-0000-000000000000",
                    "AssignedUserUuid":"0378a33b-8650-4713-a727-efd233903643",
                    "ProfileTemplateUuid":"8f31803f-8afc-49bb-911d-402ec264b589",
                    "ProfileTemplateVersion":8,
                    "Comment":"",
                    "ProfileOperations":[
                        "renew",
                        "disable",
                        "recover"
                    ]
                },
                {
                    "Uuid":"ff342953-c444-4dc7-b144-f5515d6460c6",
                    "Status":2,
                    "Flags":1,
                    "ParentProfileUuid":"00000000-0000-0000-0000-000000000000",
                    "PrimaryProfileUuid":"00000000-0000-0000-0000-000000000000",
                    "AssignedUserUuid":"0378a33b-8650-4713-a727-efd233903643",
                    "ProfileTemplateUuid":"1e3a31fe-699b-4a6b-945c-18b83c985bc1",
                    "ProfileTemplateVersion":9,
                    "Comment":"",
                    "ProfileOperations":[
                        "renew",
                        "disable"
                    ]
                }
            ]
            """;

    @Test
    void theDocumentsExampleRequestGetsExactlyTheDocumentedResponse() throws Exception {
        TestUsers.Caller owner = TestUsers.create(
                server,
                new UserId(UUID.fromString("0378a33b-8650-4713-a727-efd233903643")),
                "example-owner",
                Optional.empty());
        CertificateFixtures.template(http, "8f31803f-8afc-49bb-911d-402ec264b589", 8, "renew", "disable", "recover");
        CertificateFixtures.template(http, "1e3a31fe-699b-4a6b-945c-18b83c985bc1", 9, "renew", "disable");
        // The migration posts the source server's listing as it is, operations included (they are recomputed).
        CertificateFixtures.imported(http, DOCUMENTED_RESPONSE);

        HttpResponse<String> response =
                http.get("/certificatemanagement/api/v1.0/profiles?status=Active", owner.auth());

        assertEquals(200, response.statusCode(), response.body());
        assertEquals(
                "application/json",
                response.headers().firstValue("Content-Type").orElse(""));
        ObjectMapper json = new ObjectMapper();
        // Compact form of the documented body: same values, same property order, same array order.
        assertEquals(json.writeValueAsString(json.readTree(DOCUMENTED_RESPONSE)), response.body());
        assertEquals(Optional.empty(), response.headers().firstValue("Link"), "a short list has no next page");
    }
}
