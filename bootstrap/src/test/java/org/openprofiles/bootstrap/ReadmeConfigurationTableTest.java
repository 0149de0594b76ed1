package org.openprofiles.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's configuration table names every setting the server reads, and nothing else, so it cannot drift. */
class ReadmeConfigurationTableTest {

    private static final Pattern ROW =
            Pattern.compile("(?m)^\\| `(PROFILES_[A-Z0-9_]+)` \\| `(--[a-z0-9-]+)` \\|[^|]*\\|(.*)\\|$");

    @Test
    void everySettingHasARowWithItsVariableAndFlagAndSecretsAreMarked() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        for (Setting<?> setting : Config.settings()) {
            Matcher row = Pattern.compile(
                            "(?m)^\\| `" + setting.env() + "` \\| `" + setting.flag() + "` \\|[^|]*\\|(.*)\\|$")
                    .matcher(readme);
            assertTrue(
                    row.find(),
                    "README.md has no configuration row starting | `" + setting.env() + "` | `" + setting.flag()
                            + "` |");
            assertEquals(
                    setting.secret(),
                    row.group(1).contains("🔒"),
                    setting.env() + ": a secret's row is marked 🔒 and only a secret's");
        }
    }

    @Test
    void everyRowOfTheTableIsASettingTheServerReads() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        List<String> known = Config.settings().stream().map(Setting::env).toList();
        Matcher row = ROW.matcher(readme);
        int rows = 0;
        while (row.find()) {
            rows++;
            assertTrue(
                    known.contains(row.group(1)), "README.md documents " + row.group(1) + ", which no setting reads");
        }
        assertEquals(known.size(), rows, "one row per setting");
    }
}
