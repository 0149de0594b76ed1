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

    @Test
    void aGeneratedPinMeetsItsPolicyAndDiffersEachTime() {
        java.security.SecureRandom random = new java.security.SecureRandom();
        for (PinPolicy policy : List.of(
                strict,
                PinPolicy.standard(),
                new PinPolicy(4, 4, true, false, false, false),
                new PinPolicy(12, 20, false, true, true, true),
                new PinPolicy(2, 3, true, true, true, true))) {
            String pin = policy.generate(random);
            List<Invalid.Violation> violations = policy.check("pin", pin);
            if (policy.minLength() >= 4) {
                assertEquals(List.of(), violations, policy + " generated " + pin.length() + " characters");
            }
            assertEquals(
                    Math.max(policy.minLength(), Math.min(policy.maxLength(), PinPolicy.GENERATED_LENGTH)),
                    pin.length());
        }
        assertEquals(
                50,
                java.util.stream.IntStream.range(0, 50)
                        .mapToObj(i -> strict.generate(random))
                        .distinct()
                        .count());
    }
}
