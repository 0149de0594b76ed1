package org.openprofiles.domain.certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ProfileStatusTest {

    @Test
    void wireNumbersAreTheVendorsWhereKnownAndOursWhereNot() {
        Map<String, Integer> byName = Arrays.stream(ProfileStatus.values())
                .collect(Collectors.toMap(ProfileStatus::displayName, ProfileStatus::code));
        assertEquals(
                Map.of("None", -1, "New", 0, "Assigned", 1, "Active", 2, "Disabled", 3, "Suspended", 4, "Retired", 6),
                byName);
        assertEquals(Optional.of(ProfileStatus.ACTIVE), ProfileStatus.fromCode(2));
        assertEquals(Optional.empty(), ProfileStatus.fromCode(5));
    }
}
