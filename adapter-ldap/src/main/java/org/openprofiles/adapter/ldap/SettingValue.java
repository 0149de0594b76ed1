package org.openprofiles.adapter.ldap;

import java.util.Arrays;
import java.util.stream.Collectors;

/** An enum constant chosen by a setting's text (e.g. {@code member-of}), and how such a text is parsed. */
interface SettingValue {

    /** The text that selects this constant. */
    String setting();

    /** The constant of {@code type} that {@code value} names, ignoring case; otherwise a message naming {@code variable}. */
    static <E extends Enum<E> & SettingValue> E parse(Class<E> type, String value, String variable) {
        String given = value == null ? "" : value.strip();
        for (E constant : type.getEnumConstants()) {
            if (constant.setting().equalsIgnoreCase(given)) {
                return constant;
            }
        }
        String choices = Arrays.stream(type.getEnumConstants())
                .map(SettingValue::setting)
                .collect(Collectors.joining(", "));
        throw new IllegalArgumentException(variable + " must be one of " + choices + ", was '" + value + "'");
    }
}
