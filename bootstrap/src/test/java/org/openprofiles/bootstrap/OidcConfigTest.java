package org.openprofiles.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openprofiles.adapter.rest.security.OidcSettings;

/** The OpenID Connect settings: off unless configured, complete when on, and keys only from safe places. */
class OidcConfigTest {

    @TempDir
    Path dir;

    @Test
    void withoutAnIssuerJwtSignInIsOff() throws Exception {
        assertEquals(Optional.empty(), Config.load(Map.of()).oidc());
    }

    @Test
    void aJwksFileIssuerAndAudienceTurnItOnWithSubAsTheDefaultUserClaim() throws Exception {
        Path jwks = TestJwts.writeJwks(dir, TestJwts.ecKey("k"));
        OidcSettings oidc = Config.load(
                        Map.of(
                                "PROFILES_OIDC_ISSUER",
                                "https://idp",
                                "PROFILES_OIDC_AUDIENCE",
                                "op",
                                "PROFILES_OIDC_JWKS",
                                jwks.toString()),
                        "--oidc-roles-claim",
                        "groups")
                .oidc()
                .orElseThrow();
        assertEquals("https://idp", oidc.issuer());
        assertEquals("sub", oidc.userClaim());
        assertEquals(Optional.of("groups"), oidc.rolesClaim());
        assertEquals(Optional.empty(), oidc.jwksUrl());
    }

    @Test
    void anIncompleteSettingIsRefusedNamingWhatIsMissing() {
        Config.Invalid invalid = assertThrows(
                Config.Invalid.class,
                () -> Config.load(
                        Map.of("PROFILES_OIDC_ISSUER", "https://idp", "PROFILES_OIDC_JWKS", "https://idp/keys")));
        assertTrue(invalid.getMessage().contains("PROFILES_OIDC_AUDIENCE"), invalid.getMessage());
    }

    @Test
    void keysAreTakenOnlyFromAReadableFileHttpsOrLoopbackHttp() throws Exception {
        Map<String, String> base = Map.of("PROFILES_OIDC_ISSUER", "https://idp", "PROFILES_OIDC_AUDIENCE", "op");
        Config.Invalid missing = assertThrows(
                Config.Invalid.class,
                () -> Config.load(base, "--oidc-jwks", dir.resolve("none.json").toString()));
        assertTrue(missing.getMessage().contains("PROFILES_OIDC_JWKS"), missing.getMessage());
        Config.Invalid clear = assertThrows(
                Config.Invalid.class, () -> Config.load(base, "--oidc-jwks", "http://idp.example.org/keys"));
        assertTrue(clear.getMessage().contains("https"), clear.getMessage());
        assertTrue(Config.load(base, "--oidc-jwks", "https://idp.example.org/keys")
                .oidc()
                .orElseThrow()
                .jwksUrl()
                .isPresent());
        assertTrue(Config.load(base, "--oidc-jwks", "http://127.0.0.1:8081/keys")
                .oidc()
                .orElseThrow()
                .jwksUrl()
                .isPresent());
    }
}
