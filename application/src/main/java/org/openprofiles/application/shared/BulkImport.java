package org.openprofiles.application.shared;

import java.util.Comparator;
import java.util.List;
import org.openprofiles.domain.shared.Invalid;
import org.openprofiles.domain.shared.Invalid.Violation;

/**
 * What the bulk imports share: the bounds of one call, violations named after their item
 * ({@code [3].login}), and one failure reporting every violation in item order.
 */
public final class BulkImport {

    private BulkImport() {}

    /** Refuses an empty import and one of more than {@code max} items, naming {@code field} ("users"). */
    public static void checkSize(int size, int max, String field) {
        if (size == 0) {
            throw new Invalid("empty_import", field, "an import needs at least one item");
        }
        if (size > max) {
            throw new Invalid(
                    "too_many_" + field,
                    field,
                    "an import carries at most " + max + " " + field + ", this one has " + size + "; split it");
        }
    }

    /** The name of {@code field} of item {@code index}: {@code [3].login}, or {@code [3]} for the item itself. */
    public static String at(int index, String field) {
        return "[" + index + "]" + (field.isEmpty() ? "" : "." + field);
    }

    /** Every violation, in the order of the items they name. */
    public static Invalid failure(List<Violation> violations) {
        return new Invalid(violations.stream()
                .sorted(Comparator.comparingInt(v -> indexOf(v.field())))
                .toList());
    }

    private static int indexOf(String field) {
        int close = field.indexOf(']');
        return field.startsWith("[") && close > 0 ? Integer.parseInt(field.substring(1, close)) : -1;
    }
}
