package org.openprofiles.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.openprofiles.adapter.jdbc.testing.PostgresExtension;
import org.openprofiles.adapter.jdbc.testing.TestDatabase;
import org.openprofiles.adapter.rest.shared.RestApplication;
import org.openprofiles.adapter.rest.shared.Routes;

/**
 * Permanent guards over every route the server has (found in its resource model, so a new route
 * is fuzzed without being listed): random JSON that is broken in one of the ways clients break
 * it — duplicate keys, NUL characters, unknown fields, the wrong type, truncation, deep nesting,
 * sizes past the limit, out-of-range numbers — is a 4xx problem+json on every route that takes a
 * body, never a 500, and writes nothing; random query strings and path values on every route are
 * never a 500, every refusal is a problem+json, and nothing is written. The tries are fixed, so
 * the run time is bounded; jqwik prints the seed of a failure (rerun with {@code @Property(seed = …)}).
 */
class RouteFuzzProperties {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static TestDatabase db;
    private static Server server;
    private static Http http;
    private static List<Routes.Route> routes;
    private static String adminId;

    @BeforeContainer
    static void start() {
        db = PostgresExtension.freshDatabase();
        // Small body limits, so that a body too large for every route is cheap to send.
        Config config = TestServers.build(
                TestServers.builder(db).with(Config.HTTP_MAX_BODY_KIB, "256").with(Config.HTTP_MAX_BULK_BODY_MIB, "1"));
        server = Server.start(config);
        http = new Http(server.uri());
        adminId = server.firstStart().adminId().toString();
        routes = Routes.of(
                        RestApplication.of(new Wiring(config, server.database(), Clock.systemUTC()).restComponents()))
                .all();
    }

    @AfterContainer
    static void stop() {
        server.close();
        PostgresExtension.drop(db);
    }

    private static List<Routes.Route> bodyRoutes() {
        return routes.stream().filter(Routes.Route::takesBody).toList();
    }

    @Example
    void theFuzzedRoutesAreTheServersRoutes() {
        assertTrue(bodyRoutes().size() >= 15, "every route that takes a body: " + bodyRoutes());
        assertTrue(routes.size() >= 40, "every route: " + routes.size());
        assertTrue(routes.stream().anyMatch(r -> r.path().contains("createupdate")));
    }

    @Property(tries = 25, shrinking = ShrinkingMode.BOUNDED)
    void brokenJsonOnEveryRouteThatTakesABodyIsA4xxProblemAndWritesNothing(
            @ForAll("brokenBodies") String body, @ForAll("pathValues") String pathValue) {
        for (Routes.Route route : bodyRoutes()) {
            String path = concrete(route.path(), pathValue);
            long before = auditEvents();
            Reply response = send(route.httpMethod(), path, body);
            String what = route.httpMethod() + " " + path + " with " + abbreviated(body);
            assertTrue(
                    response.status() >= 400 && response.status() < 500,
                    what + " answered " + response.status() + ": " + response.body());
            assertProblem(response, what);
            assertEquals(before, auditEvents(), what + " wrote to the audit trail");
        }
    }

    @Property(tries = 30, shrinking = ShrinkingMode.BOUNDED)
    void randomQueriesAndPathValuesOnEveryRouteAreNeverA500AndWriteNothing(
            @ForAll("queries") String query, @ForAll("pathValues") String pathValue) {
        for (Routes.Route route : routes) {
            if (route.takesBody()) {
                continue;
            }
            String path = concrete(route.path(), pathValue) + query;
            long before = auditEvents();
            Reply response = send(route.httpMethod(), path, null);
            String what = route.httpMethod() + " " + path;
            assertTrue(response.status() < 500, what + " answered " + response.status() + ": " + response.body());
            if (response.status() >= 400) {
                assertProblem(response, what);
            }
            assertEquals(before, auditEvents(), what + " wrote to the audit trail");
        }
    }

    @Property(tries = 10)
    void aNulInAnyQueryValueIsA400NamingItOnEveryRoute(@ForAll("parameterNames") String name) {
        for (Routes.Route route : routes) {
            String path = concrete(route.path(), UUID.randomUUID().toString()) + "?" + name + "=a%00b";
            Reply response = send(route.httpMethod(), path, route.takesBody() ? "{}" : null);
            assertEquals(400, response.status(), path + ": " + response.body());
            assertProblem(response, path);
            assertTrue(response.body().contains("\"field\":\"" + name + "\""), path + ": " + response.body());
        }
    }

    /** An answer, however it was asked for. */
    record Reply(int status, String contentType, String body) {}

    /**
     * Sends as the admin. A body over 64 KiB goes with {@code Expect: 100-continue} over a plain
     * socket, so that a refusal by size is read rather than lost to a connection closed mid-send.
     */
    private static Reply send(String method, String path, String body) {
        if (body != null && body.length() > 64 * 1024) {
            try (RawHttp client = new RawHttp(server.uri())) {
                RawHttp.Answer answer = client.exchange(
                        method,
                        path,
                        body.getBytes(StandardCharsets.UTF_8),
                        30_000,
                        "Authorization",
                        TestUsers.admin()[1],
                        "Content-Type",
                        "application/json");
                return new Reply(answer.status(), answer.header("Content-Type"), answer.body());
            }
        }
        HttpResponse<String> response = http.send(method, path, body, TestUsers.admin());
        return new Reply(
                response.statusCode(),
                response.headers().firstValue("Content-Type").orElse(""),
                response.body());
    }

    /**
     * A refusal in the service's problem+json shape — or, on the Access Rights Manager routes that
     * answer with the vendor's result document (CreateUpdate, Delete: docs/api-compatibility.md),
     * that document with {@code success: false} and the errors, each naming a field.
     */
    private static void assertProblem(Reply response, String what) {
        if (response.contentType().equals("application/json") && vendorResultRefusal(response.body())) {
            return;
        }
        assertEquals("application/problem+json", response.contentType(), what + ": " + response.body());
        try {
            JsonNode problem = JSON.readTree(response.body());
            assertEquals(response.status(), problem.path("status").asInt(), what + ": " + response.body());
            assertFalse(problem.path("code").asText().isEmpty(), what + ": " + response.body());
        } catch (java.io.IOException e) {
            throw new AssertionError(what + ": the problem body is not JSON: " + response.body(), e);
        }
        assertFalse(
                response.body().contains("org.openprofiles") || response.body().contains("java."), what);
    }

    private static boolean vendorResultRefusal(String body) {
        try {
            JsonNode result = JSON.readTree(body);
            JsonNode errors = result.path("errors");
            if (!result.path("success").isBoolean() || result.path("success").asBoolean() || errors.isEmpty()) {
                return false;
            }
            for (JsonNode error : errors) {
                if (error.path("code").asText().isEmpty()
                        || error.path("message").asText().isEmpty()) {
                    return false;
                }
            }
            return !body.contains("org.openprofiles") && !body.contains("java.");
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static long auditEvents() {
        return server.database()
                .jdbi()
                .withHandle(h -> h.createQuery("SELECT count(*) FROM audit_event")
                        .mapTo(Long.class)
                        .one());
    }

    private static final Pattern PARAMETER = Pattern.compile("\\{[^}]+}");

    /** The route's path with every parameter set to {@code value}, which is URL-encoded. */
    private static String concrete(String template, String value) {
        Matcher parameter = PARAMETER.matcher(template);
        return parameter.replaceAll(Matcher.quoteReplacement(encode(value).replace("+", "%20")));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String abbreviated(String body) {
        return body.length() <= 300 ? body : body.substring(0, 300) + "… (" + body.length() + " characters)";
    }

    // Generators.

    /** Field names the APIs use, so that fuzzed documents reach past the first unknown field. */
    private static final List<String> KNOWN_KEYS = List.of(
            "id",
            "name",
            "Name",
            "login",
            "displayName",
            "roles",
            "expiresAt",
            "color",
            "description",
            "groups",
            "ldapAttributes",
            "key",
            "value",
            "type",
            "label",
            "definedValues",
            "maxLength",
            "version",
            "policies",
            "Uuid",
            "Status",
            "profiletemplateuuid",
            "profile",
            "comment",
            "status",
            "samAccountName",
            "distinguishedName",
            "enabled",
            "attributes",
            "accountIds",
            "profileId",
            "priority",
            "datacollection");

    @Provide
    Arbitrary<String> pathValues() {
        return Arbitraries.oneOf(
                Arbitraries.create(() -> UUID.randomUUID().toString()),
                Arbitraries.of(adminId, "not-a-guid", "shoesize", "00000000-0000-0000-0000-000000000000", " "),
                Arbitraries.strings().ofMinLength(1).ofMaxLength(40).filter(v -> !v.equals(".") && !v.equals("..")));
    }

    @Provide
    Arbitrary<String> parameterNames() {
        return Arbitraries.of(
                "limit",
                "cursor",
                "status",
                "name",
                "actor",
                "objectType",
                "objectId",
                "action",
                "from",
                "to",
                "accountId",
                "profileId",
                "AdditionalProfileInformation",
                "x");
    }

    @Provide
    Arbitrary<String> queries() {
        Arbitrary<String> values = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(30),
                Arbitraries.of(
                        "",
                        "-1",
                        "0",
                        "1001",
                        "99999999999999999999",
                        "1e9",
                        "NaN",
                        "eyJhIjoxfQ",
                        "AA",
                        "AAAA.AAAA",
                        "2026-13-45T99:99:99Z",
                        "+1000000000-01-01T00:00:00Z",
                        "Active",
                        "'; DROP TABLE x; --",
                        "\uD83D\uDE00",
                        "x".repeat(5_000)),
                Arbitraries.create(() -> UUID.randomUUID().toString()));
        Arbitrary<String> pair = Combinators.combine(
                        Arbitraries.oneOf(
                                parameterNames(),
                                Arbitraries.strings().ofMinLength(1).ofMaxLength(10)),
                        values)
                .as((name, value) -> encode(name) + "=" + encode(value));
        return pair.list().ofMaxSize(4).map(pairs -> pairs.isEmpty() ? "" : "?" + String.join("&", pairs));
    }

    /** How a fuzzed document is broken; every kind is a client mistake on any route that takes a body. */
    enum Defect {
        DUPLICATE_KEY,
        NUL_CHARACTER,
        UNKNOWN_FIELD,
        WRONG_TYPE,
        TRUNCATED,
        DEEP_NESTING,
        TOO_LARGE
    }

    @Provide
    Arbitrary<String> brokenBodies() {
        return Combinators.combine(
                        json(3),
                        Arbitraries.of(Defect.class),
                        Arbitraries.integers().between(0, Integer.MAX_VALUE))
                .as(RouteFuzzProperties::broken);
    }

    private static String broken(Json document, Defect defect, int salt) {
        switch (defect) {
            case DUPLICATE_KEY -> {
                String key = KNOWN_KEYS.get(salt % KNOWN_KEYS.size());
                return withExtraMembers(document, List.of(Map.entry(key, new Str("first")), Map.entry(key, document)));
            }
            case NUL_CHARACTER -> {
                String key = KNOWN_KEYS.get(salt % KNOWN_KEYS.size());
                return withExtraMembers(document, List.of(Map.entry(key, new Str("a\u0000b"))));
            }
            case UNKNOWN_FIELD -> {
                return withExtraMembers(document, List.of(Map.entry("zzUnknown" + salt, document)));
            }
            case WRONG_TYPE -> {
                List<String> scalars = List.of("42", "\"text\"", "true", "-1.5e300", "\"\"");
                return scalars.get(salt % scalars.size());
            }
            case TRUNCATED -> {
                String whole = new Arr(List.of(document)).text();
                return whole.substring(0, Math.max(1, whole.length() - 1 - salt % Math.max(1, whole.length() - 1)));
            }
            case DEEP_NESTING -> {
                int depth = 1_200 + salt % 2_000;
                return "[".repeat(depth) + document.text() + "]".repeat(depth);
            }
            default -> {
                // Past the bulk limit, so too large for every route.
                return "[\"" + "x".repeat(1024 * 1024) + "\"]";
            }
        }
    }

    /** The document as an object with {@code extra} members added (a non-object becomes one of them). */
    private static String withExtraMembers(Json document, List<Map.Entry<String, Json>> extra) {
        List<Map.Entry<String, Json>> members = new ArrayList<>();
        if (document instanceof Obj object) {
            members.addAll(object.members());
        } else {
            members.add(Map.entry("zzValue", document));
        }
        members.addAll(extra);
        return new Obj(members).text();
    }

    private Arbitrary<Json> json(int depth) {
        Arbitrary<Json> scalar = Arbitraries.oneOf(
                Arbitraries.just(new Raw("null")),
                Arbitraries.of(new Raw("true"), new Raw("false")),
                Arbitraries.of(
                                "0",
                                "-0",
                                "1",
                                "-1",
                                "3",
                                "255",
                                "2147483648",
                                "9223372036854775807",
                                "9223372036854775808",
                                "-9223372036854775809",
                                "1.5",
                                "1e400",
                                "-1e400",
                                "123456789012345678901234567890",
                                "0.000000000000000000001")
                        .map(Raw::new),
                Arbitraries.oneOf(
                                Arbitraries.strings().ofMaxLength(20),
                                Arbitraries.of(
                                        "",
                                        " ",
                                        "\u0000",
                                        "\uD800",
                                        "\uD83D\uDE00",
                                        "Active",
                                        "Enroll",
                                        "2026-11-23T10:00:00Z",
                                        "+1000000000-01-01T00:00:00Z",
                                        "admin",
                                        "profile-manager",
                                        "x".repeat(600),
                                        "d".repeat(70_000)),
                                Arbitraries.create(() -> UUID.randomUUID().toString()))
                        .map(Str::new));
        if (depth == 0) {
            return scalar;
        }
        Arbitrary<Json> inner = Arbitraries.lazy(() -> json(depth - 1));
        Arbitrary<Json> array = inner.list().ofMaxSize(4).map(Arr::new);
        Arbitrary<String> keys = Arbitraries.oneOf(
                Arbitraries.of(KNOWN_KEYS), Arbitraries.strings().ofMaxLength(8));
        Arbitrary<Json> object = Combinators.combine(keys, inner)
                .as(Map::entry)
                .list()
                .ofMaxSize(5)
                .map(entries -> new Obj(new ArrayList<>(entries)));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(2, scalar), net.jqwik.api.Tuple.of(2, array), net.jqwik.api.Tuple.of(4, object));
    }

    /** A JSON document written by hand, so that it may hold what a JSON library would refuse to write. */
    sealed interface Json permits Raw, Str, Arr, Obj {
        String text();
    }

    /** A literal: a number, true, false or null. */
    record Raw(String text) implements Json {}

    /** A string, escaped as JSON requires. */
    record Str(String value) implements Json {
        @Override
        public String text() {
            StringBuilder out = new StringBuilder("\"");
            for (char c : value.toCharArray()) {
                if (c == '"' || c == '\\') {
                    out.append('\\').append(c);
                } else if (c < 0x20 || Character.isSurrogate(c)) {
                    out.append(String.format("\\u%04x", (int) c));
                } else {
                    out.append(c);
                }
            }
            return out.append('"').toString();
        }
    }

    /** An array. */
    record Arr(List<Json> items) implements Json {
        @Override
        public String text() {
            return "[" + String.join(",", items.stream().map(Json::text).toList()) + "]";
        }
    }

    /** An object whose members may repeat a key. */
    record Obj(List<Map.Entry<String, Json>> members) implements Json {
        @Override
        public String text() {
            return "{"
                    + String.join(
                            ",",
                            members.stream()
                                    .map(m -> new Str(m.getKey()).text() + ":"
                                            + m.getValue().text())
                                    .toList())
                    + "}";
        }
    }
}
