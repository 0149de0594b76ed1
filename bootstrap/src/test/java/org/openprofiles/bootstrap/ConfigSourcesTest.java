package org.openprofiles.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where settings come from: flag over environment over configuration file over default; secrets from files. */
class ConfigSourcesTest {

    @TempDir
    Path dir;

    @Test
    void aFlagWinsOverTheEnvironmentWhichWinsOverTheFileWhichWinsOverTheDefault() throws Exception {
        Path file = properties("PROFILES_HTTP_PORT=7001\nPROFILES_HTTP_HOST=0.0.0.0\nPROFILES_DB_USER=from-file\n");
        Map<String, String> env = Map.of(
                "PROFILES_CONFIG", file.toString(), "PROFILES_HTTP_PORT", "7002", "PROFILES_DB_USER", "from-env");
        Config config = Config.load(env, "--http-port", "7003");

        assertEquals(7003, config.httpPort());
        assertEquals("from-env", config.dbUser());
        assertEquals("0.0.0.0", config.httpHost());
        assertEquals("UTC", config.profilesTimeZone().getId());
        assertEquals("flag --http-port", config.sourceOf(Config.HTTP_PORT).description());
        assertEquals(
                "environment PROFILES_DB_USER", config.sourceOf(Config.DB_USER).description());
        assertEquals(
                "file " + file + ": PROFILES_HTTP_HOST",
                config.sourceOf(Config.HTTP_HOST).description());
        assertEquals("default", config.sourceOf(Config.TIME_ZONE).description());
    }

    @Test
    void theConfigFlagWinsOverTheConfigVariable() throws Exception {
        Path fromEnv = properties("PROFILES_HTTP_PORT=7001\n");
        Path fromFlag = Files.writeString(dir.resolve("other.properties"), "PROFILES_HTTP_PORT=7004\n");
        Config config = Config.load(Map.of("PROFILES_CONFIG", fromEnv.toString()), "--config", fromFlag.toString());
        assertEquals(7004, config.httpPort());
    }

    @Test
    void anUnknownKeyInTheFileIsRefusedByName() throws Exception {
        Path file = properties("PROFILES_HTTP_PROT=1\n");
        Config.Invalid invalid =
                assertThrows(Config.Invalid.class, () -> Config.load(Map.of(), "--config", file.toString()));
        assertTrue(invalid.getMessage().contains("unknown setting PROFILES_HTTP_PROT"), invalid.getMessage());
    }

    @Test
    void aBadValueInTheFileNamesTheFile() throws Exception {
        Path file = properties("PROFILES_HTTP_PORT=eighty\n");
        Config.Invalid invalid =
                assertThrows(Config.Invalid.class, () -> Config.load(Map.of(), "--config", file.toString()));
        assertEquals(
                "--http-port / PROFILES_HTTP_PORT must be a whole number, was 'eighty' (file " + file
                        + ": PROFILES_HTTP_PORT)",
                invalid.getMessage());
    }

    @Test
    void everySecretIsReadFromTheFileItsFileVariableNamesWithoutTheTrailingNewline() throws Exception {
        for (Setting<?> secret :
                Config.settings().stream().filter(Setting::secret).toList()) {
            String value = "secret-value-for-" + secret.name() + "-0123456789abcdef";
            Path file = Files.writeString(dir.resolve(secret.name()), value + "\n");
            Config fromEnv = Config.load(Map.of(secret.fileEnv(), file.toString()));
            Config fromFlag = Config.load(Map.of(), secret.fileFlag(), file.toString());
            Config fromConfigFile = Config.load(
                    Map.of(),
                    "--config",
                    properties(secret.fileEnv() + "=" + file + "\n").toString());
            for (Config config : List.of(fromEnv, fromFlag, fromConfigFile)) {
                assertEquals(Optional.of(value), config.get(secret), secret.fileEnv());
                assertTrue(config.warnings().isEmpty(), "a secret from a file warns of nothing: " + config.warnings());
            }
        }
    }

    @Test
    void aSecretAndItsFileAtTheSameLevelAreRefused() throws Exception {
        Path file = Files.writeString(dir.resolve("pw"), "x");
        Config.Invalid invalid = assertThrows(
                Config.Invalid.class,
                () -> Config.load(Map.of("PROFILES_DB_PASSWORD", "a", "PROFILES_DB_PASSWORD_FILE", file.toString())));
        assertTrue(invalid.getMessage().contains("not both"), invalid.getMessage());
    }

    @Test
    void anUnreadableSecretFileIsRefusedWithoutItsContent() {
        Config.Invalid invalid = assertThrows(
                Config.Invalid.class,
                () -> Config.load(Map.of(
                        "PROFILES_DB_PASSWORD_FILE", dir.resolve("missing").toString())));
        assertTrue(
                invalid.getMessage().startsWith("--db-password-file / PROFILES_DB_PASSWORD_FILE: cannot read "),
                invalid.getMessage());
    }

    @Test
    void aSecretOnTheCommandLineWarnsThatOthersCanSeeIt() throws Exception {
        Config config = Config.load(Map.of(), "--db-password", "hunter2");
        assertEquals(1, config.warnings().size(), config.warnings().toString());
        String warning = config.warnings().get(0);
        assertTrue(warning.contains("--db-password puts a secret on the command line"), warning);
        assertTrue(warning.contains("--db-password-file"), warning);
        assertFalse(warning.contains("hunter2"), "the warning never repeats the secret");
        assertTrue(
                Config.load(Map.of("PROFILES_DB_PASSWORD", "hunter2"))
                        .warnings()
                        .isEmpty(),
                "the environment does not warn");
    }

    @Test
    void aConfigFileHoldingASecretThatOthersMayReadIsWarnedAbout() throws Exception {
        Path file = properties("PROFILES_DB_PASSWORD=hunter2\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertTrue(Config.load(Map.of(), "--config", file.toString())
                .warnings()
                .get(0)
                .contains("chmod 600"));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        assertTrue(Config.load(Map.of(), "--config", file.toString()).warnings().isEmpty());
    }

    @Test
    void describingTheConfigurationMasksEverySecretAndNamesEachSource() throws Exception {
        Path pw = Files.writeString(dir.resolve("pw"), "from-a-file-secret");
        Config config = Config.load(
                Map.of(
                        "PROFILES_DB_PASSWORD_FILE",
                        pw.toString(),
                        "PROFILES_ADMIN_TOKEN",
                        "admin-token-0123456789-0123456789-abcdef"),
                "--tls-keystore-password",
                "kspw-1234");
        String text = config.describe();
        for (String secret : List.of("from-a-file-secret", "admin-token-0123456789-0123456789-abcdef", "kspw-1234")) {
            assertFalse(text.contains(secret), "no secret in:\n" + text);
        }
        assertTrue(text.contains("PROFILES_DB_PASSWORD"), text);
        assertTrue(
                text.lines()
                        .anyMatch(l -> l.startsWith("PROFILES_DB_PASSWORD ")
                                && l.contains("********")
                                && l.contains("environment PROFILES_DB_PASSWORD_FILE (" + pw + ")")),
                text);
        assertTrue(
                text.lines()
                        .anyMatch(l ->
                                l.startsWith("PROFILES_HTTP_PORT ") && l.contains("8080") && l.contains("(default)")),
                text);
        for (Setting<?> setting : Config.settings()) {
            assertTrue(text.contains(setting.env()), setting.env());
        }
    }

    @Test
    void theBuilderSetsOnlyWhatItNamesAndLeavesTheRestAtTheirDefaults() throws Exception {
        Config config = Config.builder().with(Config.HTTP_PORT, "0").build();
        assertEquals(0, config.httpPort());
        assertEquals("127.0.0.1", config.httpHost());
        assertTrue(config.warnings().isEmpty());
    }

    private Path properties(String content) throws Exception {
        Path file = Files.createTempFile(dir, "profiles", ".properties");
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }
}
