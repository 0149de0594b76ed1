package org.openprofiles.benchmarks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/** The public API as the data loader calls it: JSON in and out with a bearer token; anything but 2xx fails. */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final URI base;
    private final String token;

    Api(URI base, String token) {
        this.base = base;
        this.token = token;
    }

    Api as(String otherToken) {
        return new Api(base, otherToken);
    }

    URI base() {
        return base;
    }

    JsonNode post(String path, Object body) {
        return send("POST", path, body).json();
    }

    JsonNode put(String path, Object body) {
        return send("PUT", path, body).json();
    }

    JsonNode get(String path) {
        return send("GET", path, null).json();
    }

    /** An answer: status, body, and its {@code Link} header if any. */
    record Answer(int status, byte[] body, Optional<String> link) {
        JsonNode json() {
            try {
                return body.length == 0 ? JSON.nullNode() : JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    Answer send(String method, String path, Object body) {
        Answer answer = exchange(method, path, body);
        if (answer.status() / 100 != 2) {
            String text = new String(answer.body(), java.nio.charset.StandardCharsets.UTF_8);
            throw new IllegalStateException(method + " " + path + " answered " + answer.status() + ": "
                    + (text.length() > 2000 ? text.substring(0, 2000) + "…" : text));
        }
        return answer;
    }

    /** One call, whatever its status. */
    Answer exchange(String method, String path, Object body) {
        try {
            HttpRequest.BodyPublisher publisher = body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(
                            body instanceof byte[] bytes ? bytes : JSON.writeValueAsBytes(body));
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                    .timeout(Duration.ofMinutes(10))
                    .method(method, publisher)
                    .header("Accept", "application/json");
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(
                    response.statusCode(), response.body(), response.headers().firstValue("Link"));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
