package org.openprofiles.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class StartupLinesTest {

    @Test
    void aJdbcUrlIsShownWithoutTheValuesOfItsSecretParametersOrAPasswordInItsAuthority() {
        assertEquals(
                "jdbc:postgresql://db:5432/profiles?user=op&password=***&ssl=true&sslpassword=***",
                StartupLines.withoutSecrets(
                        "jdbc:postgresql://db:5432/profiles?user=op&password=hunter2&ssl=true&sslpassword=x"));
        assertEquals(
                "jdbc:postgresql://op:***@db/profiles",
                StartupLines.withoutSecrets("jdbc:postgresql://op:hunter2@db/profiles"));
        assertEquals("jdbc:postgresql://db/profiles", StartupLines.withoutSecrets("jdbc:postgresql://db/profiles"));
    }
}
