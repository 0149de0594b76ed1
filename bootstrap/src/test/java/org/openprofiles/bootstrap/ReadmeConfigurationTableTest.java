package org.openprofiles.bootstrap;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's configuration table names every option the server reads, so it cannot drift. */
class ReadmeConfigurationTableTest {

    @Test
    void everyOptionHasARowWithItsVariableAndFlag() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        for (Config.Option option : Config.OPTIONS) {
            String row = "| `" + option.env() + "` | `" + option.flag() + "` |";
            assertTrue(readme.contains(row), "README.md has no configuration row starting " + row);
        }
    }
}
