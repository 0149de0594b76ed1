package org.openprofiles.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The seed document's examples, rebuilt through the routes and compared field by field (ids and
 * dates aside, which are this server's own): ProfileModel, Configuration and Attributes.
 */
class AccessProfilesDocumentTest extends EndToEndTest {

    /** The document's example response of GET /api/v1/Profiles?AdditionalProfileInformation=…, verbatim. */
    private static final String DOCUMENT_PROFILES = """
            [
              {
                "Type": "6E2B77D2-22A8-44D7-BAB0-852573F89227",
                "id": "62f8bef4-d836-4dd7-85e2-c76bd558dec4",
                "name": "Test",
                "description": "",
                "color": 15,
                "initials": "T",
                "creationDateTimeLocal": "2/26/2025",
                "lastModifiedDateTimeLocal": "2/26/2025",
                "groups": [],
                "ldapAttributes": []
              },
              {
                "Type": "6E2B77D2-22A8-44D7-BAB0-852573F89227",
                "id": "2a139057-cfd0-4410-b0ea-d834f775a098",
                "name": "Test1",
                "description": "",
                "color": 5,
                "initials": "T",
                "creationDateTimeLocal": "4/8/2025",
                "lastModifiedDateTimeLocal": "4/8/2025",
                "groups": [],
                "ldapAttributes": []
              },
              {
                "Type": "6E2B77D2-22A8-44D7-BAB0-852573F89227",
                "id": "a0c054f6-1f2f-43c0-a072-27c6ebdae05c",
                "name": "Test2",
                "description": "",
                "color": 4,
                "initials": "T",
                "creationDateTimeLocal": "4/8/2025",
                "lastModifiedDateTimeLocal": "4/8/2025",
                "groups": [],
                "ldapAttributes": []
              }
            ]
            """;

    /** The document's Configuration example, verbatim. */
    private static final String DOCUMENT_CONFIGURATION = """
            {
                "Type": "Container",
                "label": null,
                "templates": [
                    {
                        "key": "are_unassigned_accounts_non_compliant",
                        "value": {
                            "Type": "Checkbox",
                            "summary": "True",
                            "value": true,
                            "defaultValue": true,
                            "isRequired": false,
                            "description": null,
                            "customError": null,
                            "allowApply": true,
                            "label": "Treat accounts without department profiles as non-compliant.",
                            "isEnabled": true,
                            "isEnabledRule": null,
                            "parsedIsEnabledRule": null,
                            "customAttributes": null,
                            "isHidden": false,
                            "isVisibleRule": null,
                            "parsedIsVisibleRule": null
                        }
                    }
                ],
                "summary": null,
                "customAttributes": null,
                "isHidden": false,
                "isVisibleRule": null,
                "parsedIsVisibleRule": null
            }
            """;

    /** The two entries of the document's Attributes example, verbatim (its trailing comma removed). */
    private static final String DOCUMENT_ATTRIBUTES = """
            [
                {
                    "key": "accountexpires",
                    "value": {
                        "Type": "DatePicker",
                        "scriptParameterFormat": null,
                        "summary": "1/1/0001",
                        "startDateMayBeInThePast": false,
                        "value": "0001-01-01T00:00:00",
                        "defaultValue": "0001-01-01T00:00:00",
                        "isRequired": false,
                        "description": null,
                        "customError": null,
                        "allowApply": true,
                        "label": "Account Expires",
                        "isEnabled": true,
                        "isEnabledRule": null,
                        "parsedIsEnabledRule": null,
                        "customAttributes": null,
                        "isHidden": false,
                        "isVisibleRule": null,
                        "parsedIsVisibleRule": null
                    }
                },
                {
                    "key": "comment",
                    "value": {
                        "Type": "TextField",
                        "postfixText": null,
                        "dynamicQuery": null,
                        "dynamicResultWasSet": false,
                        "isRequired": false,
                        "constraints": {
                            "$type": "pn.formTemplates.resourceTemplates.TextInputConstraints, pn.formTemplates",
                            "isDirty": false,
                            "creationRule": null,
                            "maxLength": 1024,
                            "forbiddenChars": null,
                            "isRequired": false,
                            "validationRule": null,
                            "validationInformation": null,
                            "allowOnlyDefinedValues": false,
                            "definedValues": null,
                            "uniquenessConstraint": null
                        },
                        "summary": null,
                        "value": null,
                        "defaultValue": null,
                        "description": null,
                        "customError": null,
                        "allowApply": true,
                        "label": "Comment",
                        "isEnabled": true,
                        "isEnabledRule": null,
                        "parsedIsEnabledRule": null,
                        "customAttributes": null,
                        "isHidden": false,
                        "isVisibleRule": null,
                        "parsedIsVisibleRule": null
                    }
                }
            ]
            """;

    @Test
    void theDocumentsThreeExampleProfilesComeBackFieldByFieldThroughCreateUpdate() throws Exception {
        JsonNode document = AccessFixtures.JSON.readTree(DOCUMENT_PROFILES);
        List<String> ids = new ArrayList<>();
        for (JsonNode example : document) {
            // The body is the document's own model without id and dates, as a client would send it.
            ObjectNode body = ((ObjectNode) example.deepCopy());
            body.remove(List.of("id", "creationDateTimeLocal", "lastModifiedDateTimeLocal", "initials"));
            HttpResponse<String> created =
                    http.post("/api/v1/Profiles/CreateUpdate", body.toString(), TestUsers.admin());
            assertEquals(201, created.statusCode(), created.body());
            JsonNode result = AccessFixtures.json(created);
            assertEquals(true, result.get("success").asBoolean());
            ids.add(result.get("id").asText());
        }
        String today = LocalDate.now(ZoneOffset.UTC).getMonthValue() + "/"
                + LocalDate.now(ZoneOffset.UTC).getDayOfMonth() + "/"
                + LocalDate.now(ZoneOffset.UTC).getYear();
        ArrayNode expected = (ArrayNode) document.deepCopy();
        for (int i = 0; i < expected.size(); i++) {
            ObjectNode profile = (ObjectNode) expected.get(i);
            profile.put("id", ids.get(i));
            profile.put("creationDateTimeLocal", today);
            profile.put("lastModifiedDateTimeLocal", today);
        }

        HttpResponse<String> list = http.get("/api/v1/Profiles", TestUsers.admin());
        assertEquals(200, list.statusCode(), list.body());
        assertSameFieldsInSameOrder(expected, AccessFixtures.json(list));

        HttpResponse<String> one =
                http.get("/api/v1/Profiles?AdditionalProfileInformation=" + ids.get(1), TestUsers.admin());
        assertEquals(200, one.statusCode(), one.body());
        assertSameFieldsInSameOrder(
                AccessFixtures.JSON.createArrayNode().add(expected.get(1)), AccessFixtures.json(one));
    }

    @Test
    void configurationIsTheDocumentsContainerVerbatim() throws Exception {
        HttpResponse<String> response = http.get("/api/v1/Profiles/Configuration", TestUsers.admin());
        assertEquals(200, response.statusCode(), response.body());
        assertSameFieldsInSameOrder(
                AccessFixtures.JSON.readTree(DOCUMENT_CONFIGURATION), AccessFixtures.json(response));
    }

    @Test
    void attributesStartWithTheDocumentsTwoEntriesVerbatim() throws Exception {
        HttpResponse<String> response = http.get("/api/v1/profiles/attributes", TestUsers.admin());
        assertEquals(200, response.statusCode(), response.body());
        JsonNode picker = AccessFixtures.json(response);
        assertEquals("LdapAttributePicker", picker.get("Type").asText());
        JsonNode documentEntries = AccessFixtures.JSON.readTree(DOCUMENT_ATTRIBUTES);
        ArrayNode firstTwo = AccessFixtures.JSON
                .createArrayNode()
                .add(picker.get("availableAttributes").get(0))
                .add(picker.get("availableAttributes").get(1));
        assertSameFieldsInSameOrder(documentEntries, firstTwo);
    }

    /** Equal JSON, and every object lists its fields in the same order (the document's). */
    static void assertSameFieldsInSameOrder(JsonNode expected, JsonNode actual) {
        assertEquals(expected, actual);
        assertEquals(expected.toString(), actual.toString());
    }
}
