package org.openprofiles.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Arranges access-profile data through the real routes: directory loads, profiles, assignments. */
final class AccessFixtures {

    static final ObjectMapper JSON = new ObjectMapper();

    private final Http http;

    AccessFixtures(Http http) {
        this.http = http;
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("not JSON: " + response.body(), e);
        }
    }

    static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Loads groups named {@code names}; returns their ids in order. */
    List<UUID> groups(String... names) {
        List<UUID> ids =
                java.util.Arrays.stream(names).map(n -> UUID.randomUUID()).toList();
        List<Map<String, Object>> body = new java.util.ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            body.add(Map.of(
                    "id",
                    ids.get(i).toString(),
                    "name",
                    names[i],
                    "distinguishedName",
                    "CN=" + names[i] + ",OU=Groups,DC=corp,DC=example,DC=com"));
        }
        HttpResponse<String> response = http.post("/admin/v1/directory/groups", write(body), TestUsers.admin());
        assertEquals(200, response.statusCode(), response.body());
        return ids;
    }

    /** Loads one account in these groups with these attribute values; returns its id. */
    UUID account(String sam, List<UUID> groups, Map<String, String> attributes) {
        UUID id = UUID.randomUUID();
        Map<String, Object> account = Map.of(
                "id",
                id.toString(),
                "samAccountName",
                sam,
                "displayName",
                sam.toUpperCase(),
                "distinguishedName",
                "CN=" + sam + ",OU=Staff,DC=corp,DC=example,DC=com",
                "groups",
                groups.stream().map(UUID::toString).toList(),
                "attributes",
                attributes);
        HttpResponse<String> response =
                http.post("/admin/v1/directory/accounts", write(List.of(account)), TestUsers.admin());
        assertEquals(200, response.statusCode(), response.body());
        return id;
    }

    /** Creates a profile through CreateUpdate; returns its id. */
    UUID profile(String name, int color, List<UUID> groups, Map<String, String> attributes) {
        Map<String, Object> body = Map.of(
                "name",
                name,
                "color",
                color,
                "groups",
                groups.stream().map(g -> Map.of("id", g.toString())).toList(),
                "ldapAttributes",
                attributes.entrySet().stream()
                        .map(e -> Map.of("key", e.getKey(), "value", e.getValue()))
                        .toList());
        HttpResponse<String> response = http.post("/api/v1/Profiles/CreateUpdate", write(body), TestUsers.admin());
        assertEquals(201, response.statusCode(), response.body());
        return UUID.fromString(json(response).get("id").asText());
    }

    void assign(UUID profile, UUID... accounts) {
        HttpResponse<String> response = http.post(
                "/api/v1/Profiles/Assign",
                write(Map.of(
                        "profileId",
                        profile.toString(),
                        "accountIds",
                        java.util.Arrays.stream(accounts).map(UUID::toString).toList(),
                        "comment",
                        "joined the department")),
                TestUsers.admin());
        assertEquals(200, response.statusCode(), response.body());
    }
}
