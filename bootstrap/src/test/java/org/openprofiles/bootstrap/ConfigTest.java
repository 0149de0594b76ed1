package org.openprofiles.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConfigTest {

    @Test
    void defaultsListenOnLoopback8080WithTheEmbeddedDatabaseInDotData() throws Exception {
        Config config = Config.load(Map.of());
        assertEquals("127.0.0.1", config.httpHost());
        assertEquals(8080, config.httpPort());
        assertEquals(Optional.empty(), config.dbUrl());
        assertEquals(Path.of("./data"), config.dataDir());
    }

    @Test
    void environmentVariablesSetValuesAndFlagsWinOverThem() throws Exception {
        Map<String, String> env = Map.of(
                "PROFILES_HTTP_PORT",
                "9000",
                "PROFILES_HTTP_HOST",
                "0.0.0.0",
                "PROFILES_DB_URL",
                "jdbc:postgresql://db:5432/profiles");
        Config config = Config.load(env, "--http-port=9100", "--data-dir", "/var/lib/profiles");
        assertEquals(9100, config.httpPort());
        assertEquals("0.0.0.0", config.httpHost());
        assertEquals(Optional.of("jdbc:postgresql://db:5432/profiles"), config.dbUrl());
        assertEquals(Path.of("/var/lib/profiles"), config.dataDir());
    }

    @Test
    void anUnknownFlagIsRefusedByName() {
        Config.Invalid invalid = assertThrows(Config.Invalid.class, () -> Config.load(Map.of(), "--htp-port", "1"));
        assertEquals("unknown option --htp-port (see --help)", invalid.getMessage());
    }

    @Test
    void aPortOutOfRangeIsRefused() {
        Config.Invalid invalid =
                assertThrows(Config.Invalid.class, () -> Config.load(Map.of("PROFILES_HTTP_PORT", "70000")));
        assertTrue(
                invalid.getMessage().contains("PROFILES_HTTP_PORT must be between 0 and 65535"), invalid.getMessage());
    }

    @Test
    void aNonPostgresUrlIsRefused() {
        Config.Invalid invalid =
                assertThrows(Config.Invalid.class, () -> Config.load(Map.of(), "--db-url", "jdbc:mysql://x/y"));
        assertTrue(invalid.getMessage().startsWith("--db-url / PROFILES_DB_URL must be a jdbc:postgresql: URL"));
    }

    @Test
    void thePasswordNeverAppearsInTheConfigsText() throws Exception {
        Config config = Config.load(Map.of("PROFILES_DB_PASSWORD", "s3cret"));
        assertTrue(!config.toString().contains("s3cret"));
    }

    @Test
    void theConsolesClientIdNeedsAnOpenIdConnectIssuer() throws Exception {
        Config.Invalid invalid =
                assertThrows(Config.Invalid.class, () -> Config.load(Map.of(), "--oidc-console-client-id", "console"));
        assertTrue(
                invalid.getMessage().startsWith("--oidc-console-client-id / PROFILES_OIDC_CONSOLE_CLIENT_ID needs"),
                invalid.getMessage());
        assertTrue(Config.load(Map.of()).consoleOidcClientId().isEmpty(), "token sign-in only by default");
        assertTrue(Wiring.consoleSettings(Config.load(Map.of())).oidc().isEmpty());
    }
}
