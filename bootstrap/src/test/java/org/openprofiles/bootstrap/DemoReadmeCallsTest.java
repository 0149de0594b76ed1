package org.openprofiles.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openprofiles.adapter.jdbc.testing.PostgresExtension;
import org.openprofiles.adapter.jdbc.testing.TestDatabase;

/**
 * The demo data answers every curl call of the README's Demo section, as written there, and the
 * Certificate Management call exactly as its document shows.
 */
@ExtendWith(PostgresExtension.class)
class DemoReadmeCallsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyCurlCallOfTheReadmesDemoSectionSucceedsOnTheDemoData(TestDatabase db) throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (Server server = Server.start(TestServers.on(db))) {
            new DemoData(server.uri(), Optional.empty())
                    .load(TestServers.ADMIN_TOKEN, true, new PrintStream(printed, true, StandardCharsets.UTF_8));
            Map<String, String> variables = new HashMap<>();
            for (String line : printed.toString(StandardCharsets.UTF_8).lines().toList()) {
                if (line.strip().startsWith("export ")) {
                    String assignment = line.strip().substring("export ".length());
                    variables.put(
                            assignment.substring(0, assignment.indexOf('=')),
                            assignment.substring(assignment.indexOf('=') + 1));
                }
            }
            assertTrue(
                    variables
                            .keySet()
                            .containsAll(
                                    List.of("BASE", "ADMIN_TOKEN", "OWNER_TOKEN", "READER_TOKEN", "MANAGER_TOKEN")),
                    variables.keySet().toString());

            List<String> calls = readmeCurlCalls();
            assertTrue(calls.size() >= 10, "the README's demo section lists the calls: " + calls);
            HttpClient client =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            for (String call : calls) {
                HttpResponse<String> response =
                        client.send(request(call, variables), HttpResponse.BodyHandlers.ofString());
                assertTrue(
                        response.statusCode() >= 200 && response.statusCode() < 300,
                        call + " answered " + response.statusCode() + ": " + response.body());
                if (call.contains("profiles?status=Active")) {
                    JsonNode body = JSON.readTree(response.body());
                    assertEquals(3, body.size());
                    assertEquals(
                            "c0dd5c7d-ec35-4346-baca-3ad711e9722f",
                            body.get(0).get("Uuid").asText());
                    assertEquals(
                            "[\"renew\",\"disable\",\"recover\"]",
                            body.get(0).get("ProfileOperations").toString());
                    assertEquals(
                            "[\"renew\",\"disable\"]",
                            body.get(2).get("ProfileOperations").toString());
                }
                if (call.contains("AdditionalProfileInformation=")) {
                    assertEquals(
                            "Test1",
                            JSON.readTree(response.body()).get(0).get("name").asText());
                }
                if (call.contains("AssignmentsByProfileId")) {
                    assertEquals(2, JSON.readTree(response.body()).size(), response.body());
                }
            }
        }
    }

    @Test
    void theDemoRefusesADatabaseThatIsNotEmpty(TestDatabase db) {
        try (Server server = Server.start(TestServers.on(db))) {
            assertThrows(
                    Cli.Refused.class,
                    () -> new DemoData(server.uri(), Optional.empty())
                            .load(TestServers.ADMIN_TOKEN, false, new PrintStream(new ByteArrayOutputStream())));
        }
    }

    /** The {@code curl} lines of the README's "## Demo" section. */
    static List<String> readmeCurlCalls() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        int start = readme.indexOf("## Demo");
        String section = readme.substring(start, readme.indexOf("\n## ", start + 1));
        return section.lines()
                .map(String::strip)
                .filter(l -> l.startsWith("curl "))
                .toList();
    }

    /** A curl command line (-X, -H, -d and a URL, quoted as a shell would) as an HTTP request. */
    private static HttpRequest request(String call, Map<String, String> variables) {
        List<String> words = words(call);
        String method = "GET";
        String data = null;
        List<String> headers = new ArrayList<>();
        String url = null;
        for (int i = 1; i < words.size(); i++) {
            switch (words.get(i)) {
                case "-X" -> method = words.get(++i);
                case "-H" -> headers.add(expand(words.get(++i), variables));
                case "-d" -> data = words.get(++i);
                default -> url = expand(words.get(i), variables);
            }
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url))
                .method(
                        method,
                        data == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(data));
        for (String header : headers) {
            builder.header(
                    header.substring(0, header.indexOf(':')).strip(),
                    header.substring(header.indexOf(':') + 1).strip());
        }
        return builder.build();
    }

    private static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        char quote = 0;
        for (char c : line.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(quote == '"' ? c : (c == '$' ? '\u0000' : c));
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == ' ') {
                if (!word.isEmpty()) {
                    words.add(word.toString());
                    word.setLength(0);
                }
            } else {
                word.append(c);
            }
        }
        if (!word.isEmpty()) {
            words.add(word.toString());
        }
        return words.stream().map(w -> w.replace('\u0000', '$')).toList();
    }

    private static String expand(String text, Map<String, String> variables) {
        String result = text;
        for (Map.Entry<String, String> variable : variables.entrySet()) {
            result = result.replace("$" + variable.getKey(), variable.getValue());
        }
        return result;
    }
}
