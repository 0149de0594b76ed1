package org.openprofiles.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.RSAKey;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openprofiles.adapter.jdbc.testing.PostgresExtension;
import org.openprofiles.adapter.jdbc.testing.TestDatabase;
import org.openqa.selenium.By;

/**
 * Sign-in with an OpenID Connect provider from the console: authorization code with PKCE (S256),
 * against a small provider on loopback that checks the verifier the way a real one does, and a
 * server that accepts the provider's JWTs.
 */
@ExtendWith(PostgresExtension.class)
class ConsoleOidcSignInTest {

    private static final String CLIENT_ID = "openprofiles-console";
    private static final RSAKey KEY = TestJwts.rsaKey("console-1");

    @TempDir
    static Path dir;

    private static HttpServer provider;
    private static String issuer;
    private static Server server;
    private static ConsoleBrowser browser;
    private static TestUsers.Caller olga;
    /** What the provider saw: code → [challenge, redirect_uri]. */
    private static final Map<String, List<String>> CODES = new ConcurrentHashMap<>();

    private static final List<String> TOKEN_REQUESTS = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start(TestDatabase db) throws IOException {
        provider = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        issuer = "http://127.0.0.1:" + provider.getAddress().getPort();
        provider.createContext(
                "/.well-known/openid-configuration", exchange -> send(exchange, 200, """
                {"issuer":"%1$s","authorization_endpoint":"%1$s/authorize","token_endpoint":"%1$s/token"}""".formatted(issuer)));
        provider.createContext("/authorize", ConsoleOidcSignInTest::authorize);
        provider.createContext("/token", ConsoleOidcSignInTest::token);
        provider.start();
        String jwks = TestJwts.writeJwks(dir, KEY).toString();
        server = Server.start(TestServers.build(TestServers.builder(db)
                .with(Config.OIDC_ISSUER, issuer)
                .with(Config.OIDC_AUDIENCE, TestJwts.AUDIENCE)
                .with(Config.OIDC_JWKS, jwks)
                .with(Config.OIDC_CONSOLE_CLIENT_ID, CLIENT_ID)));
        olga = TestUsers.create(server, "oidc-olga");
        browser = ConsoleBrowser.open(server.uri());
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        server.close();
        provider.stop(0);
    }

    private static Map<String, String> form(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : text == null ? new String[0] : text.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                values.put(
                        URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    /** Signs the user in at once (no login page) and sends the browser back with a code. */
    private static void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> q = form(exchange.getRequestURI().getRawQuery());
        if (!CLIENT_ID.equals(q.get("client_id"))
                || !"code".equals(q.get("response_type"))
                || !"S256".equals(q.get("code_challenge_method"))
                || q.get("code_challenge") == null) {
            send(exchange, 400, "{\"error\":\"invalid_request\"}");
            return;
        }
        String code = UUID.randomUUID().toString();
        CODES.put(code, List.of(q.get("code_challenge"), q.get("redirect_uri")));
        exchange.getResponseHeaders()
                .add(
                        "Location",
                        q.get("redirect_uri") + "?code=" + code + "&state="
                                + URLEncoder.encode(q.get("state"), StandardCharsets.UTF_8));
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    /** Exchanges a code for a JWT only with the verifier whose S256 is the code's challenge. */
    private static void token(HttpExchange exchange) throws IOException {
        Map<String, String> f = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        TOKEN_REQUESTS.add(f.keySet().toString());
        List<String> issued = CODES.remove(f.getOrDefault("code", ""));
        if (issued == null
                || !"authorization_code".equals(f.get("grant_type"))
                || !CLIENT_ID.equals(f.get("client_id"))
                || !issued.get(1).equals(f.get("redirect_uri"))
                || !issued.get(0).equals(s256(f.get("code_verifier")))) {
            send(exchange, 400, "{\"error\":\"invalid_grant\"}");
            return;
        }
        String jwt =
                TestJwts.sign(KEY, TestJwts.claims(olga.id().value().toString()).issuer(issuer));
        send(exchange, 200, "{\"access_token\":\"" + jwt + "\",\"token_type\":\"Bearer\",\"expires_in\":300}");
    }

    private static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(String.valueOf(verifier).getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        // The console (another origin) reads discovery and the token answer with fetch.
        exchange.getResponseHeaders().add("Access-Control-Allow-Origin", "*");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Test
    void configNamesTheProviderAndTheCspLetsThePageReachIt() {
        HttpResponse<String> config = new Http(server.uri()).get("/console/config.json");
        assertEquals("{\"oidc\":{\"issuer\":\"" + issuer + "\",\"clientId\":\"" + CLIENT_ID + "\"}}", config.body());
        String csp = config.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertTrue(csp.contains("connect-src 'self' " + issuer + ";"), csp);
    }

    @Test
    void signingInWithTheProviderUsesPkceAndLeavesNoCodeOrTokenInTheAddress() {
        browser.openConsole("");
        browser.script("sessionStorage.clear()");
        browser.openConsole("");
        browser.waitFor(By.id("oidc-sign-in")).click();
        browser.waitFor(By.id("sign-out"));
        browser.waitFor(By.cssSelector("#profiles .empty"));
        String url = browser.driver().getCurrentUrl();
        assertFalse(url.contains("code=") || url.contains("state="), url);
        assertEquals(
                List.of("[grant_type, code, redirect_uri, client_id, code_verifier]"),
                TOKEN_REQUESTS,
                "one exchange, with the verifier and no client secret");
        assertTrue(
                String.valueOf(browser.script("return sessionStorage.getItem('openprofiles.token')"))
                                .split("\\.")
                                .length
                        == 3,
                "the provider's JWT is what the console calls the API with");
        browser.signOut();
        assertEquals(
                null, browser.script("return sessionStorage.getItem('openprofiles.token')"), "sign-out forgets it");
        browser.assertCleanConsole();
    }
}
