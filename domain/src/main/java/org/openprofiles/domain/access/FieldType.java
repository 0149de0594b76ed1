package org.openprofiles.domain.access;

import java.util.Arrays;
import java.util.Optional;

/** How an attribute's value is entered, and so what a valid value looks like. */
public enum FieldType {
    TEXT_FIELD("TextField"),
    DATE_PICKER("DatePicker"),
    CHECKBOX("Checkbox"),
    NUMBER_FIELD("NumberField"),
    COMBO_BOX("ComboBox");

    private final String wireName;

    FieldType(String wireName) {
        this.wireName = wireName;
    }

    /** The form-template {@code Type} of this field, e.g. {@code DatePicker}. */
    public String wireName() {
        return wireName;
    }

    public static Optional<FieldType> fromWireName(String name) {
        return Arrays.stream(values())
                .filter(t -> t.wireName.equalsIgnoreCase(name == null ? "" : name.strip()))
                .findFirst();
    }
}
