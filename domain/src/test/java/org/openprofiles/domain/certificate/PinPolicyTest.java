package org.openprofiles.domain.certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openprofiles.domain.shared.Invalid;

class PinPolicyTest {

    private final PinPolicy strict = new PinPolicy(6, 8, true, true, true, true);

    private List<String> codes(String pin) {
        return strict.check("pin", pin).stream().map(Invalid.Violation::code).toList();
    }

    @Test
    void aPinThatMeetsEveryRuleHasNoViolations() {
        assertEquals(List.of(), codes("aB3$xy"));
    }

    @Test
    void eachBrokenRuleIsReportedNamingTheField() {
        assertEquals(List.of("pin_length", "pin_needs_digit", "pin_needs_uppercase", "pin_needs_symbol"), codes("abc"));
        assertEquals(List.of("pin_needs_lowercase"), codes("AB3$XY"));
        assertEquals("pin", strict.check("pin", "").get(0).field());
    }

    @Test
    void anImpossibleLengthRangeIsRefused() {
        assertThrows(Invalid.class, () -> new PinPolicy(8, 6, false, false, false, false));
        assertThrows(Invalid.class, () -> new PinPolicy(0, 6, false, false, false, false));
    }
}
