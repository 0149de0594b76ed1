package org.openprofiles.domain.certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openprofiles.domain.shared.Invalid;

class StatusFilterTest {

    @Test
    void profileStatusNamesMatchTheirStatusInAnyCase() {
        assertEquals(StatusFilter.only(ProfileStatus.ACTIVE), StatusFilter.parse("Active"));
        assertEquals(StatusFilter.only(ProfileStatus.ACTIVE), StatusFilter.parse("aCTIVE"));
        assertEquals(StatusFilter.only(ProfileStatus.SUSPENDED), StatusFilter.parse("suspended"));
        assertEquals(StatusFilter.only(ProfileStatus.NONE), StatusFilter.parse("None"));
    }

    @Test
    void theDocumentsRequestStatusesAreAcceptedAndMatchNothing() {
        for (String name :
                new String[] {"Approved", "canceled", "COMPLETED", "Denied", "Executing", "Failed", "Pending"}) {
            StatusFilter filter = StatusFilter.parse(name);
            assertTrue(filter.matchesNothing(), name);
            assertEquals(Optional.of(Set.of()), filter.statuses());
        }
    }

    @Test
    void noValueMeansEveryStatus() {
        assertFalse(StatusFilter.parse(null).matchesNothing());
        assertEquals(Optional.empty(), StatusFilter.parse(" ").statuses());
    }

    @Test
    void anythingElseIsInvalidNamingTheParameterAndTheAllowedValues() {
        Invalid invalid = assertThrows(Invalid.class, () -> StatusFilter.parse("Activ"));
        assertEquals("status", invalid.field().orElseThrow());
        assertTrue(
                invalid.getMessage()
                        .contains("Active, Approved, Canceled, Completed, Denied, Executing, Failed, "
                                + "None, Pending, New, Assigned, Disabled, Suspended, Retired"),
                invalid.getMessage());
        assertThrows(Invalid.class, () -> StatusFilter.parse("2"));
    }
}
