package org.openprofiles.adapter.rest.apidocs;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.core.util.Yaml31;
import io.swagger.v3.jaxrs2.Reader;
import io.swagger.v3.oas.integration.SwaggerConfiguration;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openprofiles.adapter.rest.shared.Authenticator;
import org.openprofiles.adapter.rest.shared.Problem;
import org.openprofiles.adapter.rest.shared.RequestIds;

/**
 * The OpenAPI 3.1 description of every route, generated from the resources' JAX-RS (and, where a
 * method returns a bare {@code Response} or reads its query by hand, swagger) annotations by
 * swagger's {@link Reader}, then completed with what is the same for every route: the vendor
 * spelling of the vendor paths ({@link PublishedPaths}), the bearer security scheme (and no
 * security on the open routes), the problem+json error responses, the {@code X-Request-Id}
 * header, and tags by API. A route added to any resource appears without anything else to do.
 */
public final class OpenApiDocument {

    /** The name of the bearer scheme in {@code components.securitySchemes}. */
    public static final String BEARER = "bearerAuth";

    private static final String PROBLEM = "Problem";
    private static final String CM = "/CertificateManagement/";
    private static final String ARM = "/api/v1/Profiles";

    /** The document, written once. */
    public record Rendered(String json, String yaml) {}

    private static boolean convertersInstalled;

    private OpenApiDocument() {}

    /** The description of the routes of {@code resources}, in JSON and YAML. */
    public static Rendered of(Collection<Class<?>> resources, String version) {
        OpenAPI api = build(resources, version);
        return new Rendered(Json31.pretty(api), Yaml31.pretty(api));
    }

    static OpenAPI build(Collection<Class<?>> resources, String version) {
        installConverters();
        OpenAPI base = new OpenAPI()
                .info(new Info()
                        .title("OpenProfiles")
                        .version(version)
                        .license(new License().name("Apache-2.0").url("https://www.apache.org/licenses/LICENSE-2.0"))
                        .description(DESCRIPTION));
        SwaggerConfiguration configuration = new SwaggerConfiguration()
                .openAPI(base)
                .openAPI31(true)
                .readAllResources(true)
                .sortOutput(true);
        OpenAPI api = new Reader(configuration).read(new LinkedHashSet<>(resources));
        complete(api);
        return api;
    }

    private static synchronized void installConverters() {
        if (convertersInstalled) {
            return;
        }
        ModelConverters converters = ModelConverters.getInstance(true);
        // Added in front of swagger's own resolver: names first, then the nullability of properties.
        converters.addConverter(new ModelResolver(Json31.mapper(), new SchemaNames()).openapi31(true));
        converters.addConverter(new NullableProperties());
        convertersInstalled = true;
    }

    private static void complete(OpenAPI api) {
        Components components = api.getComponents() == null ? new Components() : api.getComponents();
        api.setComponents(components);
        components.addSecuritySchemes(
                BEARER,
                new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .description("An API token of this service (admins issue them at /admin/v1/users/{id}/tokens), "
                                + "or a JWT access token of the configured OpenID Connect provider"));
        api.addSecurityItem(new SecurityRequirement().addList(BEARER));
        ModelConverters.getInstance(true).readAll(Problem.class).forEach(components::addSchemas);
        addErrorResponses(components);
        Paths published = new Paths();
        Map<String, PathItem> paths = api.getPaths() == null ? Map.of() : api.getPaths();
        paths.forEach((path, item) -> {
            boolean open = Authenticator.isOpen(path);
            for (Operation operation : item.readOperations()) {
                completeOperation(path, operation, open);
            }
            String publishedPath = PublishedPaths.of(path);
            PathItem existing = published.get(publishedPath);
            published.addPathItem(publishedPath, existing == null ? item : merge(existing, item));
        });
        api.setPaths(published);
        api.setTags(List.of(
                new Tag().name(CM_TAG).description("The Microsoft Identity Manager Certificate Management REST API"),
                new Tag()
                        .name(ARM_TAG)
                        .description("The SolarWinds Access Rights Manager Profile Management API: property names and "
                                + "query parameter names are matched in any case"),
                new Tag().name(ADMIN_TAG).description("Administration of this service"),
                new Tag().name(OPERATIONS_TAG).description("Health, metrics, this description, the web console")));
    }

    private static final String CM_TAG = "Certificate Management";
    private static final String ARM_TAG = "Access Rights Manager";
    private static final String ADMIN_TAG = "Administration";
    private static final String OPERATIONS_TAG = "Operations";

    private static PathItem merge(PathItem into, PathItem from) {
        from.readOperationsMap().forEach(into::operation);
        return into;
    }

    private static void completeOperation(String path, Operation operation, boolean open) {
        String published = PublishedPaths.of(path);
        operation.setTags(List.of(
                published.startsWith(CM)
                        ? CM_TAG
                        : published.startsWith(ARM)
                                ? ARM_TAG
                                : published.startsWith("/admin/") ? ADMIN_TAG : OPERATIONS_TAG));
        if (open) {
            operation.setSecurity(List.of());
        }
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        operation.setResponses(responses);
        if (responses.containsKey("default") && responses.keySet().stream().noneMatch(code -> code.startsWith("2"))) {
            // A method returning its entity answers 200 with it; swagger calls that the "default" response.
            ApiResponse ok = responses.remove("default");
            ok.setDescription("OK");
            responses.addApiResponse("200", ok);
        }
        boolean takesInput = operation.getRequestBody() != null
                || (operation.getParameters() != null
                        && !operation.getParameters().isEmpty());
        Map<String, String> errors = new LinkedHashMap<>();
        if (takesInput) {
            errors.put("400", "BadRequest");
        }
        if (!open) {
            errors.put("401", "Unauthorized");
            errors.put("403", "Forbidden");
        }
        if (path.contains("{")) {
            errors.put("404", "NotFound");
        }
        errors.put("500", "InternalError");
        errors.put("503", "ServiceUnavailable");
        errors.forEach((status, name) -> {
            if (!responses.containsKey(status)) {
                responses.addApiResponse(status, new ApiResponse().$ref("#/components/responses/" + name));
            }
        });
        for (Map.Entry<String, ApiResponse> response : responses.entrySet()) {
            ApiResponse answer = response.getValue();
            if (answer.get$ref() == null) {
                answer.addHeaderObject(RequestIds.HEADER, requestIdHeader());
                if (answer.getDescription() == null || answer.getDescription().isBlank()) {
                    // OpenAPI requires one; an annotation that gave none gets the status's own words.
                    answer.setDescription(reasonOf(response.getKey()));
                }
            }
        }
    }

    private static String reasonOf(String status) {
        try {
            jakarta.ws.rs.core.Response.Status known =
                    jakarta.ws.rs.core.Response.Status.fromStatusCode(Integer.parseInt(status));
            return known == null ? status : known.getReasonPhrase();
        } catch (NumberFormatException e) {
            return "Response";
        }
    }

    private static Header requestIdHeader() {
        return new Header()
                .description("The request's id: the client's X-Request-Id when sane, else a generated one")
                .schema(new Schema<String>().types(Set.of("string")));
    }

    private static void addErrorResponses(Components components) {
        Map<String, String> errors = new LinkedHashMap<>();
        errors.put("BadRequest", "The input is not what the route takes; `field` names the offending input");
        errors.put("Unauthorized", "No valid bearer token (`WWW-Authenticate: Bearer`)");
        errors.put("Forbidden", "The caller may not do this");
        errors.put("NotFound", "No such object, or not one the caller may see");
        errors.put("InternalError", "An unexpected failure; quote `correlationId` and `requestId`");
        errors.put(
                "ServiceUnavailable", "A dependency (the database) is out of reach; retry after `Retry-After` seconds");
        errors.forEach((name, description) -> components.addResponses(
                name,
                new ApiResponse()
                        .description(description)
                        .addHeaderObject(RequestIds.HEADER, requestIdHeader())
                        .content(new Content()
                                .addMediaType(
                                        Problem.MEDIA_TYPE,
                                        new MediaType()
                                                .schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))))));
    }

    private static final String DESCRIPTION = String.join(
            "\n\n",
            "OpenProfiles answers two published APIs exactly — the Certificate Management REST API "
                    + "(`/CertificateManagement/api/v1.0/…`, PascalCase models, any casing of the path) and the Access "
                    + "Rights Manager Profile Management API (`/api/v1/Profiles/…`, camelCase models with `Type`) — and "
                    + "its own administration API (`/admin/v1/…`).",
            "Every route but health, this description and the console needs `Authorization: Bearer <token>`. "
                    + "Errors are RFC 9457 `application/problem+json` naming the field at fault. Every response carries "
                    + "`X-Request-Id` (send your own to correlate), which every problem body repeats as `requestId`.");
}
