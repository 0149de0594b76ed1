package org.openprofiles.adapter.rest.console;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.openprofiles.adapter.rest.shared.Problem;

/**
 * Serves the web console at {@code /console}: its static files from the classpath (our own under
 * {@code org/openprofiles/console/}, libraries from their webjars), and {@code config.json}, what
 * the page needs to know to offer OpenID Connect sign-in. Everything here is public: the console
 * has no privileges of its own and calls the API with the user's bearer token, so the
 * authentication filter leaves these paths open.
 *
 * <p>Every answer carries a Content-Security-Policy without {@code unsafe-inline} or
 * {@code unsafe-eval} (the console has no inline script or style), and the usual hardening
 * headers. Our own files are revalidated on each use ({@code no-cache} with a content ETag, so a
 * new server version is picked up at once and an unchanged file costs a 304); library files live
 * under a versioned path and are cached for a year.
 */
@Path("console")
public final class ConsoleResource {

    /** Where the console's own files are on the classpath. */
    static final String ROOT = "org/openprofiles/console/";

    /** Library files the console may load, by the versioned path it loads them under. */
    static final Map<String, String> LIBRARIES = Map.of(
            "lib/echarts-5.3.1/echarts.esm.min.js", "META-INF/resources/webjars/echarts/5.3.1/dist/echarts.esm.min.js");

    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon",
            "json", "application/json",
            "webmanifest", "application/manifest+json");

    /** Lower-case names separated by single slashes: no "..", no backslash, no encoded tricks. */
    private static final Pattern SAFE_PATH =
            Pattern.compile("[a-z0-9][a-z0-9_-]*(\\.[a-z0-9_-]+)*(/[a-z0-9][a-z0-9_-]*(\\.[a-z0-9_-]+)*)*");

    private static final String REVALIDATE = "no-cache";
    private static final String IMMUTABLE = "public, max-age=31536000, immutable";

    private final ConsoleSettings settings;
    private final String contentSecurityPolicy;
    private final Map<String, Optional<Asset>> assets = new ConcurrentHashMap<>();

    public ConsoleResource(ConsoleSettings settings) {
        this.settings = settings;
        this.contentSecurityPolicy = contentSecurityPolicy(settings);
    }

    /** A file, its media type and its strong ETag, read once and kept. */
    private record Asset(byte[] bytes, String type, String etag) {}

    /** What {@code config.json} tells the page. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ConfigModel(OidcModel oidc) {}

    /** The OpenID Connect client the console signs in with. */
    public record OidcModel(String issuer, String clientId) {}

    /** The page itself, at {@code /console} and {@code /console/}; it names its files by absolute path. */
    @GET
    public Response index(@HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return file("index.html", ifNoneMatch);
    }

    /** Settings the page reads at start: whether and how it may offer OpenID Connect sign-in. */
    @GET
    @Path("config.json")
    public Response config() {
        ConfigModel body = new ConfigModel(settings.oidc()
                .map(o -> new OidcModel(o.issuer(), o.clientId()))
                .orElse(null));
        return secured(Response.ok(body, MediaType.APPLICATION_JSON_TYPE))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }

    @GET
    @Path("{path: .+}")
    public Response file(@PathParam("path") String path, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        Optional<Asset> found = SAFE_PATH.matcher(path).matches()
                ? assets.computeIfAbsent(path, ConsoleResource::load)
                : Optional.empty();
        if (found.isEmpty()) {
            return Problem.of(Response.Status.NOT_FOUND, "not_found", "path", "the console has no file " + quoted(path))
                    .toResponse(secured(Response.status(Response.Status.NOT_FOUND)));
        }
        Asset asset = found.get();
        String caching = LIBRARIES.containsKey(path) ? IMMUTABLE : REVALIDATE;
        if (ifNoneMatch != null && matches(ifNoneMatch, asset.etag())) {
            return secured(Response.notModified())
                    .header(HttpHeaders.ETAG, asset.etag())
                    .header(HttpHeaders.CACHE_CONTROL, caching)
                    .build();
        }
        return secured(Response.ok(asset.bytes()))
                .type(asset.type())
                .header(HttpHeaders.ETAG, asset.etag())
                .header(HttpHeaders.CACHE_CONTROL, caching)
                .build();
    }

    private Response.ResponseBuilder secured(Response.ResponseBuilder response) {
        return response.header("Content-Security-Policy", contentSecurityPolicy)
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "no-referrer")
                .header("Cross-Origin-Opener-Policy", "same-origin")
                .header("Cross-Origin-Resource-Policy", "same-origin")
                .header("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
    }

    /**
     * Scripts, styles, images and fonts only from this server; connections to this server and,
     * with OpenID Connect, to the issuer's origin (discovery document and token exchange). No
     * inline code, no eval, no frames, no plugins, no forms posting elsewhere.
     */
    static String contentSecurityPolicy(ConsoleSettings settings) {
        String connect = "'self'"
                + settings.oidc()
                        .flatMap(ConsoleSettings.Oidc::origin)
                        .map(o -> " " + o)
                        .orElse("");
        return "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; "
                + "connect-src " + connect + "; manifest-src 'self'; form-action 'self'; frame-ancestors 'none'; "
                + "base-uri 'none'; object-src 'none'";
    }

    private static Optional<Asset> load(String path) {
        String resource = LIBRARIES.getOrDefault(path, ROOT + path);
        String extension = path.substring(path.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        String type = TYPES.get(extension);
        if (type == null) {
            return Optional.empty();
        }
        try (InputStream in = ConsoleResource.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return Optional.empty();
            }
            byte[] bytes = in.readAllBytes();
            return Optional.of(new Asset(bytes, type, "\"" + sha256(bytes) + "\""));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read console file " + resource, e);
        }
    }

    private static boolean matches(String ifNoneMatch, String etag) {
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals(etag) || tag.equals("*")) {
                return true;
            }
        }
        return false;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static String quoted(String path) {
        return "'" + (path.length() > 100 ? path.substring(0, 100) + "…" : path) + "'";
    }
}
