package org.openprofiles.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class ServerTest extends EndToEndTest {

    @Test
    void listensOnTheFreePortItPicked() {
        assertTrue(server.uri().getPort() > 0, server.uri().toString());
    }

    @Test
    void healthSaysTheProcessIsUp() {
        HttpResponse<String> response = http.get("/health");
        assertEquals(200, response.statusCode());
        assertEquals(
                "application/json",
                response.headers().firstValue("Content-Type").orElse(""));
        assertEquals("{\"status\":\"UP\"}", response.body());
    }

    @Test
    void readySaysTheDatabaseAnswers() {
        HttpResponse<String> response = http.get("/ready");
        assertEquals(200, response.statusCode());
        assertEquals("{\"status\":\"READY\",\"database\":\"UP\"}", response.body());
    }

    @Test
    void anUnknownRouteIsAProblemJson404() {
        HttpResponse<String> response = http.get("/no/such/route", TestUsers.admin());
        assertEquals(404, response.statusCode());
        assertEquals(
                "application/problem+json",
                response.headers().firstValue("Content-Type").orElse(""));
        assertTrue(response.body().contains("\"status\":404"), response.body());
        assertTrue(response.body().contains("\"code\":\"not_found\""), response.body());
    }

    @Test
    void aWrongMethodIsAProblemJson405() {
        HttpResponse<String> response = http.post("/health", "{}");
        assertEquals(405, response.statusCode());
        assertEquals(
                "application/problem+json",
                response.headers().firstValue("Content-Type").orElse(""));
        assertTrue(response.headers().firstValue("Allow").isPresent(), "405 keeps its Allow header");
    }
}
