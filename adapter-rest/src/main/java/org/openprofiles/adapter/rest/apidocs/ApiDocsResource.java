package org.openprofiles.adapter.rest.apidocs;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.openprofiles.adapter.rest.shared.Problem;

/**
 * {@code /docs}: the browsable API page, Swagger UI from its webjar on {@code /openapi.json}, open
 * to everyone ("Authorize" takes the user's token; "Try it out" calls this server with it). Only
 * the listed files are served. Every answer carries a Content-Security-Policy without
 * {@code unsafe-inline} or {@code unsafe-eval}: the page has no inline script, Swagger UI sets
 * styles through the DOM (which a CSP allows), and its stylesheet's icons are {@code data:}
 * images.
 */
@Path("docs")
public final class ApiDocsResource {

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; font-src 'self'; form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

    private static final String OURS = "org/openprofiles/docs/";
    private static final String WEBJAR = "META-INF/resources/webjars/swagger-ui/5.34.1/";

    /** The files the page loads, by name: where each is on the classpath and its media type. */
    private static final Map<String, String[]> FILES = Map.of(
            "index.html", new String[] {OURS + "index.html", "text/html; charset=utf-8"},
            "init.js", new String[] {OURS + "init.js", "text/javascript; charset=utf-8"},
            "swagger-ui.css", new String[] {WEBJAR + "swagger-ui.css", "text/css; charset=utf-8"},
            "swagger-ui-bundle.js", new String[] {WEBJAR + "swagger-ui-bundle.js", "text/javascript; charset=utf-8"},
            "favicon-32x32.png", new String[] {WEBJAR + "favicon-32x32.png", "image/png"});

    private final Map<String, Optional<byte[]>> loaded = new ConcurrentHashMap<>();

    @GET
    public Response page() {
        return file("index.html");
    }

    @GET
    @Path("{file}")
    public Response file(@PathParam("file") String file) {
        String[] where = FILES.get(file);
        Optional<byte[]> bytes = where == null ? Optional.empty() : loaded.computeIfAbsent(file, f -> load(where[0]));
        if (bytes.isEmpty()) {
            return Problem.of(Response.Status.NOT_FOUND, "not_found", "file", "the API page has no file " + file)
                    .toResponse(secured(Response.status(Response.Status.NOT_FOUND)));
        }
        return secured(Response.ok(bytes.get(), where[1]))
                .header(
                        HttpHeaders.CACHE_CONTROL,
                        file.equals("index.html") || file.equals("init.js") ? "no-cache" : "public, max-age=86400")
                .build();
    }

    private static Response.ResponseBuilder secured(Response.ResponseBuilder response) {
        return response.header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "no-referrer");
    }

    private static Optional<byte[]> load(String resource) {
        try (InputStream in = ApiDocsResource.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
