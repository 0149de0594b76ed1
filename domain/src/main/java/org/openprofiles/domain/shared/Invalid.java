package org.openprofiles.domain.shared;

import java.util.List;

/**
 * Input that breaks a rule. Names the offending field; may carry several violations when a
 * whole document (an import, a profile body) was checked at once.
 */
public final class Invalid extends DomainFailure {

    /** One broken rule: which field, which rule (stable code), and a sentence for people. */
    public record Violation(String field, String code, String message) {
        public Violation {
            if (field == null || code == null || message == null) {
                throw new IllegalArgumentException("violation parts must not be null");
            }
        }
    }

    private final List<Violation> violations;

    public Invalid(String code, String field, String message) {
        super(code, field, message);
        this.violations = List.of(new Violation(field, code, message));
    }

    /** Several violations at once; the first one names the failure. */
    public Invalid(List<Violation> violations) {
        super(first(violations).code(), first(violations).field(), summary(violations));
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }

    private static Violation first(List<Violation> violations) {
        if (violations == null || violations.isEmpty()) {
            throw new IllegalArgumentException("at least one violation is required");
        }
        return violations.get(0);
    }

    private static String summary(List<Violation> violations) {
        Violation first = first(violations);
        return violations.size() == 1
                ? first.message()
                : first.message() + " (and " + (violations.size() - 1) + " more)";
    }
}
