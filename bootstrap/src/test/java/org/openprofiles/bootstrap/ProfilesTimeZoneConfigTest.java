package org.openprofiles.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProfilesTimeZoneConfigTest {

    @Test
    void theAccessProfileDatesAreInUtcUnlessAZoneIsConfigured() throws Exception {
        assertEquals(ZoneId.of("UTC"), Config.load(Map.of()).profilesTimeZone());
        assertEquals(
                ZoneId.of("Europe/Berlin"),
                Config.load(Map.of("PROFILES_TIME_ZONE", "Europe/Berlin")).profilesTimeZone());
        assertEquals(
                ZoneId.of("America/New_York"),
                Config.load(Map.of(), "--time-zone", "America/New_York").profilesTimeZone());
    }

    @Test
    void anUnknownZoneIsRefusedByName() {
        Config.Invalid invalid =
                assertThrows(Config.Invalid.class, () -> Config.load(Map.of("PROFILES_TIME_ZONE", "Mars/Olympus")));
        assertTrue(
                invalid.getMessage().startsWith("--time-zone / PROFILES_TIME_ZONE must be a time zone"),
                invalid.getMessage());
    }
}
