package org.openprofiles.adapter.rest.access.arm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openprofiles.domain.access.AccessProfile;
import org.openprofiles.domain.access.AccessProfileId;

class ProfileModelTest {

    @Test
    void datesAreMonthDayYearWithoutPaddingInTheConfiguredZone() {
        Instant lateEvening = Instant.parse("2025-02-26T23:30:00Z");
        AccessProfile profile = new AccessProfile(
                AccessProfileId.random(),
                "Test",
                "",
                15,
                "T",
                lateEvening,
                Instant.parse("2025-04-08T10:00:00Z"),
                List.of(),
                List.of(),
                1);
        ProfileModel utc = ProfileModel.from(profile, ZoneId.of("UTC"));
        assertEquals("2/26/2025", utc.creationDateTimeLocal());
        assertEquals("4/8/2025", utc.lastModifiedDateTimeLocal());
        assertEquals(
                "2/27/2025",
                ProfileModel.from(profile, ZoneId.of("Europe/Berlin")).creationDateTimeLocal());
        assertEquals(ProfileModel.TYPE, utc.type());
    }
}
