package org.openprofiles.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Collections;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.openprofiles.adapter.rest.shared.TlsSettings;

/**
 * The service's own HTTP API as the tools call it: JSON in and out with a bearer token. Used by
 * the demo loader, which goes through the very routes the README's curl examples use.
 */
final class ApiClient {

    static final ObjectMapper JSON = new ObjectMapper();

    /** A call the server refused, with its status and problem body. */
    static final class Refused extends RuntimeException {
        final int status;

        Refused(String what, int status, String body) {
            super(what + " answered " + status + ": " + body, null, false, false);
            this.status = status;
        }
    }

    private final HttpClient client;
    private final URI base;
    private final String token;

    ApiClient(URI base, String token, Optional<TlsSettings> tls) {
        HttpClient.Builder builder =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5));
        tls.ifPresent(settings -> builder.sslContext(trusting(settings)));
        this.client = builder.build();
        this.base = base;
        this.token = token;
    }

    JsonNode post(String path, JsonNode body) {
        return send(
                "POST " + path,
                request(path)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                        .build());
    }

    JsonNode get(String path) {
        return send("GET " + path, request(path).GET().build());
    }

    /** A list route's answer: the body and its {@code Link} header. */
    record Page(JsonNode body, Optional<String> link) {}

    Page page(String path) {
        HttpResponse<String> response =
                exchange("GET " + path, request(path).GET().build());
        try {
            return new Page(JSON.readTree(response.body()), response.headers().firstValue("Link"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode resource(String name) {
        try (InputStream in = ApiClient.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path.startsWith("/") ? path.substring(1) : path))
                .timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + token);
    }

    private JsonNode send(String what, HttpRequest request) {
        HttpResponse<String> response = exchange(what, request);
        try {
            return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(what + ": " + e.getMessage(), e);
        }
    }

    private HttpResponse<String> exchange(String what, HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new Refused(what, response.statusCode(), response.body());
            }
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(what + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(what + " interrupted", e);
        }
    }

    /** Trusts the certificates of the server's own keystore: the tool talks to the server it started. */
    private static SSLContext trusting(TlsSettings tls) {
        try {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(tls.keystore())) {
                keys.load(in, tls.password());
            }
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            for (String alias : Collections.list(keys.aliases())) {
                var chain = keys.getCertificateChain(alias);
                if (chain != null) {
                    for (int i = 0; i < chain.length; i++) {
                        trusted.setCertificateEntry(alias + "-" + i, chain[i]);
                    }
                }
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new UncheckedIOException(new IOException("cannot read the TLS keystore: " + e.getMessage(), e));
        }
    }
}
