package org.openprofiles.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openprofiles.adapter.jdbc.testing.PostgresExtension;
import org.openprofiles.adapter.jdbc.testing.TestDatabase;
import org.openprofiles.adapter.rest.security.OidcSettings;
import org.openprofiles.domain.security.Role;
import org.openprofiles.domain.shared.Invalid;

/**
 * OpenID Connect access tokens as a second way in, through real HTTP: two servers on one
 * database trust the same provider (keys in a JWKS file); one takes roles from the token's
 * {@code realm_access.roles} claim, the other from the stored user.
 */
@ExtendWith(PostgresExtension.class)
class JwtAuthenticationTest {

    @TempDir
    static Path dir;

    private static final RSAKey RSA = TestJwts.rsaKey("rsa-1");
    private static final ECKey EC = TestJwts.ecKey("ec-1");

    private static Server storedRoles;
    private static Server claimRoles;
    private static Http http;
    private static Http httpWithClaimRoles;
    private static TestUsers.Caller reader;

    @BeforeAll
    static void start(TestDatabase db) {
        String jwks = TestJwts.writeJwks(dir, RSA, EC).toString();
        storedRoles = Server.start(TestServers.on(
                db, new OidcSettings(TestJwts.ISSUER, TestJwts.AUDIENCE, jwks, "sub", Optional.empty())));
        claimRoles = Server.start(TestServers.on(
                db,
                new OidcSettings(TestJwts.ISSUER, TestJwts.AUDIENCE, jwks, "sub", Optional.of("realm_access.roles"))));
        http = new Http(storedRoles.uri());
        httpWithClaimRoles = new Http(claimRoles.uri());
        reader = TestUsers.create(storedRoles, "jwt-reader", Role.PROFILE_READER);
    }

    @AfterAll
    static void stop() {
        storedRoles.close();
        claimRoles.close();
    }

    private static String token(UnaryOperator<com.nimbusds.jwt.JWTClaimsSet.Builder> change) {
        return TestJwts.sign(RSA, RSA.getKeyID(), TestJwts.claims(reader.id().toString()), change);
    }

    private static void assertRefused(String jwt, String code) {
        HttpResponse<String> response = http.get("/no-such-route", TestJwts.bearer(jwt));
        assertEquals(401, response.statusCode(), response.body());
        assertEquals("Bearer", response.headers().firstValue("WWW-Authenticate").orElse(""));
        assertTrue(response.body().contains("\"code\":\"" + code + "\""), response.body());
    }

    @Test
    void aGoodRs256TokenNamingTheUserByIdIsAccepted() {
        // Past authentication: the unknown route is a 404, and the stored roles do not reach the admin API.
        assertEquals(
                404, http.get("/no-such-route", TestJwts.bearer(token(c -> c))).statusCode());
        assertEquals(
                403, http.get("/admin/v1/users", TestJwts.bearer(token(c -> c))).statusCode());
    }

    @Test
    void aGoodEs256TokenNamingTheUserByLoginIsAccepted() {
        String jwt = TestJwts.sign(EC, TestJwts.claims("jwt-reader"));
        assertEquals(404, http.get("/no-such-route", TestJwts.bearer(jwt)).statusCode());
    }

    @Test
    void aTokenSignedByAnotherKeyIsRefused() {
        RSAKey impostor = TestJwts.rsaKey("rsa-1");
        assertRefused(
                TestJwts.sign(impostor, "rsa-1", TestJwts.claims(reader.id().toString()), c -> c), "invalid_token");
        String tampered = token(c -> c);
        String[] parts = tampered.split("\\.");
        String otherPayload = token(
                        c -> c.subject(storedRoles.firstStart().adminId().toString()))
                .split("\\.")[1];
        assertRefused(parts[0] + "." + otherPayload + "." + parts[2], "invalid_token");
    }

    @Test
    void aTokenFromAnotherIssuerOrForAnotherAudienceIsRefused() {
        assertRefused(token(c -> c.issuer("https://evil.example.test")), "invalid_token");
        assertRefused(token(c -> c.audience("another-service")), "invalid_token");
        assertRefused(token(c -> c.audience((String) null)), "invalid_token");
    }

    @Test
    void anExpiredTokenIsRefusedButASmallClockSkewIsTolerated() {
        assertRefused(token(c -> c.expirationTime(Date.from(Instant.now().minusSeconds(120)))), "expired_token");
        assertEquals(
                404,
                http.get(
                                "/no-such-route",
                                TestJwts.bearer(token(c ->
                                        c.expirationTime(Date.from(Instant.now().minusSeconds(20))))))
                        .statusCode());
        assertRefused(token(c -> c.expirationTime(null)), "invalid_token");
    }

    @Test
    void unsignedOrSymmetricallySignedTokensAreRefused() throws Exception {
        assertRefused(new PlainJWT(TestJwts.claims(reader.id().toString()).build()).serialize(), "invalid_token");
        SignedJWT hmac = new SignedJWT(
                new JWSHeader(JWSAlgorithm.HS256),
                TestJwts.claims(reader.id().toString()).build());
        hmac.sign(new MACSigner(new byte[32]));
        assertRefused(hmac.serialize(), "invalid_token");
    }

    @Test
    void aTokenForAnUnknownUserIsRefused() {
        assertRefused(token(c -> c.subject("nobody-here")), "unknown_user");
    }

    @Test
    void whenConfiguredRolesComeFromTheClaimIgnoringNamesTheServiceDoesNotKnow() {
        String asAdmin = token(c -> c.claim("realm_access", Map.of("roles", List.of("offline_access", "admin"))));
        assertEquals(
                200,
                httpWithClaimRoles
                        .get("/admin/v1/users", TestJwts.bearer(asAdmin))
                        .statusCode());
        // The server that reads roles from the stored user ignores the claim.
        assertEquals(403, http.get("/admin/v1/users", TestJwts.bearer(asAdmin)).statusCode());
        String noRoles = token(c -> c);
        assertEquals(
                403,
                httpWithClaimRoles
                        .get("/admin/v1/users", TestJwts.bearer(noRoles))
                        .statusCode());
    }

    @Test
    void aJwksFileThatIsNotAKeySetStopsStartUpNamingTheSetting(TestDatabase db) throws Exception {
        Path bad = Files.writeString(dir.resolve("not-keys.json"), "{\"keys\": 1}");
        Invalid invalid = assertThrows(
                Invalid.class,
                () -> Server.start(TestServers.on(
                        db,
                        new OidcSettings(
                                TestJwts.ISSUER, TestJwts.AUDIENCE, bad.toString(), "sub", Optional.empty()))));
        assertEquals(Optional.of("PROFILES_OIDC_JWKS"), invalid.field());
    }

    @Test
    void apiTokensStillWorkBesideJwts() {
        assertEquals(200, http.get("/admin/v1/users", TestUsers.admin()).statusCode());
        assertEquals(404, http.get("/no-such-route", reader.auth()).statusCode());
    }
}
