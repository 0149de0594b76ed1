package org.openprofiles.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceMethod;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI description the server publishes: valid, complete (every route Jersey serves, found
 * in Jersey's own runtime model, so routes added later are checked too), and true to the vendors'
 * documents (their examples validate against the schemas it gives for their routes).
 */
class OpenApiTest extends EndToEndTest {

    private static final ObjectMapper LENIENT =
            JsonMapper.builder().enable(JsonReadFeature.ALLOW_TRAILING_COMMA).build();
    private static String json;
    private static JsonNode document;

    @BeforeAll
    static void fetch() throws IOException {
        HttpResponse<String> response = http.get("/openapi.json");
        assertEquals(200, response.statusCode(), "open to everyone");
        json = response.body();
        document = LENIENT.readTree(json);
    }

    private static SwaggerParseResult parse(String text) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIParser().readContents(text, null, options);
        assertNotNull(result.getOpenAPI(), "parsed");
        assertEquals(List.of(), result.getMessages(), "no error or warning from swagger-parser");
        return result;
    }

    @Test
    void theJsonAndTheYamlDocumentsAreValidOpenApi31() {
        SwaggerParseResult fromJson = parse(json);
        assertEquals("3.1.0", fromJson.getOpenAPI().getOpenapi());
        HttpResponse<String> yaml = http.get("/openapi.yaml");
        assertEquals(200, yaml.statusCode());
        assertTrue(yaml.headers().firstValue("Content-Type").orElse("").startsWith("application/yaml"));
        SwaggerParseResult fromYaml = parse(yaml.body());
        assertEquals(
                fromJson.getOpenAPI().getPaths().keySet(),
                fromYaml.getOpenAPI().getPaths().keySet());
    }

    @Test
    void everyResourceMethodJerseyServesIsInTheDocumentWithItsMethodAndPath() {
        TreeSet<String> served = new TreeSet<>();
        for (Resource root : server.resourceModel().getRootResources()) {
            collect(root, "", served);
        }
        TreeSet<String> documented = new TreeSet<>();
        document.path("paths")
                .fields()
                .forEachRemaining(path -> path.getValue()
                        .fieldNames()
                        .forEachRemaining(method -> documented.add(method.toUpperCase(Locale.ROOT) + " "
                                + path.getKey().toLowerCase(Locale.ROOT))));
        assertTrue(served.size() > 40, "the walk found the routes: " + served);
        TreeSet<String> missing = new TreeSet<>(served);
        missing.removeAll(documented);
        assertEquals(new TreeSet<>(), missing, "served but not described");
        TreeSet<String> extra = new TreeSet<>(documented);
        extra.removeAll(served);
        assertEquals(new TreeSet<>(), extra, "described but not served");
    }

    /** Every non-generated method of {@code resource} and its children, as {@code METHOD /path} (templates' regexes dropped). */
    private static void collect(Resource resource, String parent, TreeSet<String> into) {
        String path = (parent + "/" + resource.getPath()).replaceAll("/{2,}", "/");
        for (ResourceMethod method : resource.getResourceMethods()) {
            if (!method.isExtended()) {
                String plain = path.replaceAll("\\{\\s*(\\w+)\\s*:[^}]*}", "{$1}");
                String trimmed =
                        plain.length() > 1 && plain.endsWith("/") ? plain.substring(0, plain.length() - 1) : plain;
                into.add(method.getHttpMethod() + " " + trimmed.toLowerCase(Locale.ROOT));
            }
        }
        for (Resource child : resource.getChildResources()) {
            collect(child, path, into);
        }
    }

    @Test
    void theVendorRoutesAreSpelledAsTheirDocumentsSpellThem() {
        JsonNode paths = document.path("paths");
        for (String path : List.of(
                "/CertificateManagement/api/v1.0/profiles",
                "/CertificateManagement/api/v1.0/profiles/{id}",
                "/CertificateManagement/api/v1.0/requests/{id}/profiles",
                "/api/v1/Profiles",
                "/api/v1/Profiles/Colors",
                "/api/v1/Profiles/Configuration",
                "/api/v1/Profiles/CreateUpdate",
                "/api/v1/Profiles/Delete",
                "/api/v1/Profiles/Attributes",
                "/api/v1/Profiles/AttributesByAccount",
                "/api/v1/Profiles/GroupsByAccount",
                "/api/v1/Profiles/AssignmentsByProfileId")) {
            assertTrue(paths.has(path), path + " in " + names(paths));
        }
    }

    @Test
    void everyRouteButTheOpenOnesNeedsTheBearerTokenAndErrorsAreProblemJson() {
        assertEquals(
                "bearer",
                document.at("/components/securitySchemes/bearerAuth/scheme").asText());
        assertEquals("bearerAuth", document.at("/security/0").fieldNames().next());
        assertEquals(0, document.at("/paths/~1health~1ready/get/security").size(), "health is open");
        assertTrue(document.at("/paths/~1admin~1v1~1users/get/security").isMissingNode(), "the global bearer rule");
        JsonNode unauthorized = document.at("/paths/~1admin~1v1~1users/get/responses/401/$ref");
        assertEquals("#/components/responses/Unauthorized", unauthorized.asText());
        JsonNode problem =
                document.at("/components/responses/Unauthorized/content/application~1problem+json/schema/$ref");
        assertEquals("#/components/schemas/Problem", problem.asText());
        JsonNode properties = document.at("/components/schemas/Problem/properties");
        for (String member :
                List.of("type", "title", "status", "detail", "code", "field", "requestId", "correlationId")) {
            assertTrue(properties.has(member), member);
        }
    }

    @Test
    void theVendorsExamplesValidateAgainstTheSchemasTheDocumentGivesForTheirRoutes() throws IOException {
        Map<String, String> examples = Map.of(
                "/CertificateManagement/api/v1.0/profiles", "cm-get-profiles.json",
                "/api/v1/Profiles", "arm-get-profiles.json",
                "/api/v1/Profiles/Configuration", "arm-get-configuration.json",
                "/api/v1/Profiles/Attributes", "arm-get-attributes.json");
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
        for (Map.Entry<String, String> example : examples.entrySet()) {
            JsonNode instance = example(example.getValue());
            String pointer = "/paths/" + example.getKey().replace("/", "~1")
                    + "/get/responses/200/content/application~1json/schema";
            JsonNode schema = document.at(pointer);
            assertFalse(schema.isMissingNode(), "a 200 schema for " + example.getKey());
            Schema validator = registry.getSchema(
                    SchemaLocation.of("https://openprofiles.invalid/openapi.json#" + pointer), document);
            List<Error> errors = validator.validate(LENIENT.writeValueAsString(instance), InputFormat.JSON);
            assertEquals(List.of(), errors, example.getValue() + " against " + example.getKey());
            List<String> undeclared = new ArrayList<>();
            undeclared(instance, schema, "$", undeclared);
            assertEquals(List.of(), undeclared, example.getValue() + ": properties the schema does not name");
        }
    }

    /** Collects the example's property names that its schema does not declare (casing mistakes, missing members). */
    private static void undeclared(JsonNode instance, JsonNode schema, String at, List<String> into) {
        JsonNode resolved = resolve(schema);
        if (instance.isArray()) {
            for (int i = 0; i < instance.size(); i++) {
                undeclared(instance.get(i), resolved.path("items"), at + "[" + i + "]", into);
            }
            return;
        }
        if (!instance.isObject()) {
            return;
        }
        List<JsonNode> alternatives = new ArrayList<>();
        for (String combinator : List.of("anyOf", "oneOf", "allOf")) {
            resolved.path(combinator).forEach(alternatives::add);
        }
        if (!alternatives.isEmpty()) {
            // One alternative must declare every property the example has.
            for (JsonNode alternative : alternatives) {
                List<String> found = new ArrayList<>();
                undeclared(instance, alternative, at, found);
                if (found.isEmpty()) {
                    return;
                }
            }
            into.add(at + " matches no alternative completely");
            return;
        }
        JsonNode properties = resolved.path("properties");
        JsonNode additional = resolved.path("additionalProperties");
        Iterator<Map.Entry<String, JsonNode>> fields = instance.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (properties.has(field.getKey())) {
                undeclared(field.getValue(), properties.get(field.getKey()), at + "." + field.getKey(), into);
            } else if (additional.isObject() && !additional.isEmpty()) {
                undeclared(field.getValue(), additional, at + "." + field.getKey(), into);
            } else {
                into.add(at + "." + field.getKey());
            }
        }
    }

    private static JsonNode resolve(JsonNode schema) {
        JsonNode current = schema;
        while (current.has("$ref")) {
            current = document.at(current.get("$ref").asText().substring(1));
        }
        return current;
    }

    private static JsonNode example(String name) throws IOException {
        try (InputStream in = OpenApiTest.class.getResourceAsStream("vendor-examples/" + name)) {
            assertNotNull(in, name);
            return LENIENT.readTree(in);
        }
    }

    private static List<String> names(JsonNode paths) {
        List<String> names = new ArrayList<>();
        paths.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
