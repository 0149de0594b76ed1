package org.openprofiles.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.openprofiles.domain.security.Role;

/**
 * Every admin route needs a token (401) and the admin role (403), whatever else the request says:
 * the role is checked before any parameter or body is read.
 */
class AdminAuthorizationTest extends EndToEndTest {

    private record Route(String name, Function<String[], HttpResponse<String>> call) {}

    private static List<Route> adminRoutes() {
        String user = server.firstStart().adminId().toString();
        String token = UUID.randomUUID().toString();
        return List.of(
                new Route(
                        "POST users", h -> http.post("/admin/v1/users", "{\"login\":\"x\",\"roles\":[\"admin\"]}", h)),
                new Route("GET users", h -> http.get("/admin/v1/users", h)),
                new Route("GET user", h -> http.get("/admin/v1/users/" + user, h)),
                new Route("POST disable", h -> http.post("/admin/v1/users/" + user + "/disable", "", h)),
                new Route("POST enable", h -> http.post("/admin/v1/users/" + user + "/enable", "", h)),
                new Route("PUT roles", h -> http.put("/admin/v1/users/" + user + "/roles", "{\"roles\":[]}", h)),
                new Route("POST tokens", h -> http.post("/admin/v1/users/" + user + "/tokens", "{}", h)),
                new Route("GET tokens", h -> http.get("/admin/v1/users/" + user + "/tokens", h)),
                new Route("DELETE token", h -> http.delete("/admin/v1/users/" + user + "/tokens/" + token, h)),
                new Route("GET audit", h -> http.get("/admin/v1/audit", h)),
                // Malformed input must not tell a non-admin anything either.
                new Route("GET malformed user", h -> http.get("/admin/v1/users/not-a-uuid", h)),
                new Route("GET audit bad filter", h -> http.get("/admin/v1/audit?from=yesterday", h)),
                new Route(
                        "PUT unknown role",
                        h -> http.put("/admin/v1/users/" + user + "/roles", "{\"roles\":[\"wizard\"]}", h)),
                new Route("GET templates", h -> http.get("/admin/v1/profile-templates", h)),
                new Route("GET template", h -> http.get("/admin/v1/profile-templates/" + token, h)),
                new Route("POST template", h -> http.post("/admin/v1/profile-templates", "{\"name\":\"t\"}", h)),
                new Route("PUT template", h -> http.put("/admin/v1/profile-templates/" + token, "{}", h)),
                new Route("POST profile import", h -> http.post("/admin/v1/certificate-profiles/import", "[]", h)),
                new Route("POST directory groups", h -> http.post("/admin/v1/directory/groups", "[]", h)),
                new Route("POST directory accounts", h -> http.post("/admin/v1/directory/accounts", "[]", h)),
                new Route("GET attribute catalog", h -> http.get("/admin/v1/access/attributes", h)),
                new Route("PUT attribute", h -> http.put("/admin/v1/access/attributes/title", "{}", h)),
                new Route("GET access configuration", h -> http.get("/admin/v1/access/configuration", h)),
                new Route("PUT access configuration", h -> http.put("/admin/v1/access/configuration", "{}", h)),
                // A body that is not even JSON: refused for the role before it is read.
                new Route("POST malformed directory body", h -> http.post("/admin/v1/directory/accounts", "{[", h)),
                new Route(
                        "POST malformed import body",
                        h -> http.post("/admin/v1/certificate-profiles/import", "nope", h)));
    }

    @Test
    void withoutATokenEveryAdminRouteIsA401() {
        for (Route route : adminRoutes()) {
            HttpResponse<String> response = route.call().apply(new String[0]);
            assertEquals(401, response.statusCode(), route.name());
            assertEquals(
                    "Bearer", response.headers().firstValue("WWW-Authenticate").orElse(""), route.name());
        }
    }

    @Test
    void aUserWithEveryRoleButAdminGetsA403ProblemOnEveryAdminRoute() {
        TestUsers.Caller manager = TestUsers.create(
                server, "not-an-admin", Role.PROFILE_MANAGER, Role.PROFILE_READER, Role.CM_AGENT, Role.CM_APPROVER);
        for (Route route : adminRoutes()) {
            HttpResponse<String> response = route.call().apply(manager.auth());
            assertEquals(403, response.statusCode(), route.name() + ": " + response.body());
            assertEquals(
                    "application/problem+json",
                    response.headers().firstValue("Content-Type").orElse(""),
                    route.name());
        }
        Integer events = db.jdbi()
                .withHandle(h -> h.createQuery("SELECT count(*) FROM audit_event WHERE actor = :actor")
                        .bind("actor", manager.id().value())
                        .mapTo(Integer.class)
                        .one());
        assertEquals(0, events, "refused calls change nothing");
    }
}
