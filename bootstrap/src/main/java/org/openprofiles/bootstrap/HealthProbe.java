package org.openprofiles.bootstrap;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A container's health check without curl in the image: {@code java -cp openprofiles-server.jar
 * org.openprofiles.bootstrap.HealthProbe URL} exits 0 when URL answers 2xx. A 404 on
 * {@code /health/ready} (servers from before that path existed) falls back to {@code /ready}.
 */
public final class HealthProbe {

    private HealthProbe() {}

    public static void main(String[] args) throws Exception {
        URI url = URI.create(args.length > 0 ? args[0] : "http://127.0.0.1:8080/health/ready");
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
        int status = status(client, url);
        if (status == 404 && url.getPath().endsWith("/health/ready")) {
            status = status(client, url.resolve("/ready"));
        }
        System.exit(status >= 200 && status < 300 ? 0 : 1);
    }

    private static int status(HttpClient client, URI url) {
        try {
            return client.send(
                            HttpRequest.newBuilder(url)
                                    .timeout(Duration.ofSeconds(5))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (Exception e) {
            return -1;
        }
    }
}
