package org.openprofiles.adapter.rest.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Vendor prefixes match in any case; the query string keeps its case; other routes stay exact. */
class VendorPathNormalizerTest {

    @Path("/")
    public static final class Echo {
        @GET
        @Path("certificatemanagement/api/v1.0/profiles/{id}")
        public String profile(@PathParam("id") String id, @QueryParam("status") String status) {
            return id + " " + status;
        }

        @GET
        @Path("api/v1/profiles/colors")
        public String colors() {
            return "colors";
        }

        @GET
        @Path("api/v1/profiles/self")
        public String self(@jakarta.ws.rs.core.Context jakarta.ws.rs.core.UriInfo uri) {
            return uri.getRequestUri() + " " + uri.getQueryParameters().getFirst("name");
        }

        @GET
        @Path("admin/v1/Exact")
        public String exact() {
            return "exact";
        }
    }

    private static RestServer server;
    private static final HttpClient CLIENT =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void start() {
        server = RestServer.start("127.0.0.1", 0, RestApplication.of(List.of(new Echo())));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return CLIENT.send(
                HttpRequest.newBuilder(URI.create(server.uri() + path.substring(1)))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theDocumentsOwnLowerCaseAndItsCanonicalCaseBothMatch() throws Exception {
        assertEquals(
                "abc active",
                get("/certificatemanagement/api/v1.0/profiles/ABC?status=active")
                        .body()
                        .toLowerCase());
        HttpResponse<String> canonical = get("/CertificateManagement/api/v1.0/profiles/abc?status=Active");
        assertEquals(200, canonical.statusCode());
        assertEquals("abc Active", canonical.body(), "the query keeps its case");
        assertEquals("colors", get("/api/v1/Profiles/Colors").body());
        assertEquals("colors", get("/API/V1/PROFILES/COLORS").body());
    }

    @Test
    void theRewrittenRequestUriKeepsTheServersAuthorityAndTheQueryAsSent() throws Exception {
        HttpResponse<String> response = get("/API/v1/Profiles/Self?name=Zo%C3%AB%20%26%20Co&Page=2");
        assertEquals(
                server.uri() + "api/v1/profiles/self?name=Zo%C3%AB%20%26%20Co&Page=2 Zoë & Co",
                response.body(),
                "the path lower-cased, the query untouched and still decoded once");
    }

    @Test
    void routesOutsideTheVendorPrefixesStayCaseSensitive() throws Exception {
        assertEquals(200, get("/admin/v1/Exact").statusCode());
        assertEquals(404, get("/admin/v1/exact").statusCode());
    }
}
