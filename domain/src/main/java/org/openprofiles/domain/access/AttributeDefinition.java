package org.openprofiles.domain.access;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.openprofiles.domain.shared.Invalid;
import org.openprofiles.domain.shared.Invalid.Violation;
import org.openprofiles.domain.shared.Text;

/**
 * An LDAP attribute that profiles may set, with its field type and constraints. {@link #check}
 * turns a value into its canonical form (dates {@code yyyy-MM-ddTHH:mm:ss}, booleans
 * {@code true}/{@code false}, whole numbers without sign noise) or says which rule it breaks.
 */
public record AttributeDefinition(
        String key,
        String label,
        FieldType type,
        boolean required,
        Optional<Integer> maxLength,
        String forbiddenChars,
        boolean allowOnlyDefinedValues,
        List<String> definedValues,
        String defaultValue) {

    public static final int MAX_KEY_LENGTH = 64;
    public static final int MAX_VALUE_LENGTH = 4096;
    public static final int MAX_DEFINED_VALUES = 1000;
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

    public AttributeDefinition {
        List<Violation> violations = new ArrayList<>();
        if (key == null || !key.strip().matches("[A-Za-z][A-Za-z0-9-]{0," + (MAX_KEY_LENGTH - 1) + "}")) {
            violations.add(new Violation(
                    "key",
                    "invalid_key",
                    "key must be an LDAP attribute name: a letter, then letters, digits or '-', at most "
                            + MAX_KEY_LENGTH + " characters"));
        } else {
            key = AttributeValue.normalizeKey(key);
        }
        label = label == null || label.isBlank() ? key : label.strip();
        if (label != null && label.length() > Text.NAME) {
            violations.add(new Violation("label", "too_long", "label must be at most " + Text.NAME + " characters"));
        }
        if (type == null) {
            violations.add(new Violation(
                    "type", "required", "type is required: TextField, DatePicker, Checkbox, NumberField or ComboBox"));
        }
        maxLength = maxLength == null ? Optional.empty() : maxLength;
        if (maxLength.isPresent() && (maxLength.get() < 1 || maxLength.get() > MAX_VALUE_LENGTH)) {
            violations.add(
                    new Violation("maxLength", "out_of_range", "maxLength must be between 1 and " + MAX_VALUE_LENGTH));
        }
        forbiddenChars = forbiddenChars == null ? "" : forbiddenChars;
        if (forbiddenChars.length() > Text.NAME) {
            violations.add(new Violation(
                    "forbiddenChars", "too_long", "forbiddenChars must be at most " + Text.NAME + " characters"));
        }
        if (definedValues != null && definedValues.stream().anyMatch(Objects::isNull)) {
            violations.add(new Violation("definedValues", "required", "definedValues must not contain null"));
            definedValues = definedValues.stream().filter(Objects::nonNull).toList();
        }
        definedValues = definedValues == null ? List.of() : List.copyOf(definedValues);
        if (definedValues.size() > MAX_DEFINED_VALUES
                || definedValues.stream().anyMatch(v -> v.length() > MAX_VALUE_LENGTH)) {
            violations.add(new Violation(
                    "definedValues",
                    "too_long",
                    "definedValues holds at most " + MAX_DEFINED_VALUES + " values of at most " + MAX_VALUE_LENGTH
                            + " characters each"));
        }
        if (type == FieldType.COMBO_BOX) {
            allowOnlyDefinedValues = true;
        }
        if (allowOnlyDefinedValues && definedValues.isEmpty()) {
            violations.add(new Violation(
                    "definedValues",
                    "required",
                    "definedValues must list the allowed values when only defined values are allowed"));
        }
        defaultValue = defaultValue == null ? "" : defaultValue;
        if (defaultValue.length() > MAX_VALUE_LENGTH) {
            violations.add(new Violation(
                    "defaultValue", "too_long", "defaultValue must be at most " + MAX_VALUE_LENGTH + " characters"));
        }
        if (!violations.isEmpty()) {
            throw new Invalid(violations);
        }
    }

    /**
     * The canonical form of {@code value} for this attribute, or the violations it causes, each
     * naming {@code field} and this attribute.
     */
    public Checked check(String value, String field) {
        String v = value == null ? "" : value.strip();
        List<Violation> violations = new ArrayList<>();
        if (v.isEmpty()) {
            if (required) {
                violations.add(violation(field, "required", "is required and may not be empty"));
            }
            return new Checked("", violations);
        }
        String canonical = v;
        switch (type) {
            case DATE_PICKER -> canonical = canonicalDate(v).orElse(null);
            case CHECKBOX ->
                canonical = switch (v.toLowerCase(Locale.ROOT)) {
                    case "true" -> "true";
                    case "false" -> "false";
                    default -> null;
                };
            case NUMBER_FIELD -> canonical = canonicalNumber(v).orElse(null);
            case TEXT_FIELD, COMBO_BOX -> canonical = v;
        }
        if (canonical == null) {
            violations.add(violation(
                    field,
                    "invalid_" + type.name().toLowerCase(Locale.ROOT),
                    switch (type) {
                        case DATE_PICKER -> "must be a date (yyyy-MM-dd or yyyy-MM-ddTHH:mm:ss), was '" + v + "'";
                        case CHECKBOX -> "must be true or false, was '" + v + "'";
                        default -> "must be a whole number, was '" + v + "'";
                    }));
            return new Checked(v, violations);
        }
        if (maxLength.isPresent() && canonical.length() > maxLength.get()) {
            violations.add(violation(field, "too_long", "must be at most " + maxLength.get() + " characters"));
        }
        for (char c : forbiddenChars.toCharArray()) {
            if (canonical.indexOf(c) >= 0) {
                violations.add(violation(field, "forbidden_character", "must not contain '" + c + "'"));
                break;
            }
        }
        if (allowOnlyDefinedValues && !definedValues.contains(canonical)) {
            violations.add(violation(field, "not_a_defined_value", "must be one of " + definedValues));
        }
        return new Checked(canonical, violations);
    }

    /** A checked value: canonical when {@code violations} is empty. */
    public record Checked(String value, List<Violation> violations) {}

    private Violation violation(String field, String code, String message) {
        return new Violation(field, code, "attribute '" + key + "' " + message);
    }

    private static Optional<String> canonicalDate(String value) {
        try {
            return Optional.of(LocalDateTime.parse(value).format(DATE_TIME));
        } catch (DateTimeParseException notDateTime) {
            try {
                return Optional.of(LocalDate.parse(value).atStartOfDay().format(DATE_TIME));
            } catch (DateTimeParseException notDate) {
                return Optional.empty();
            }
        }
    }

    private static Optional<String> canonicalNumber(String value) {
        try {
            return Optional.of(Long.toString(Long.parseLong(value)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
