package org.openprofiles.adapter.ldap;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * An enum constant chosen by a word of configuration text (e.g. {@code member-of}), and how such
 * a word is parsed: the configuration layer that owns the settings calls {@link #parse}.
 */
public interface SettingValue {

    /** The word that selects this constant. */
    String setting();

    /**
     * The constant of {@code type} that {@code value} names, ignoring case; otherwise an
     * {@link IllegalArgumentException} whose message completes the name of the setting at fault
     * ("… must be one of a, b, was 'c'").
     */
    static <E extends Enum<E> & SettingValue> E parse(Class<E> type, String value) {
        String given = value == null ? "" : value.strip();
        for (E constant : type.getEnumConstants()) {
            if (constant.setting().equalsIgnoreCase(given)) {
                return constant;
            }
        }
        String choices = Arrays.stream(type.getEnumConstants())
                .map(SettingValue::setting)
                .collect(Collectors.joining(", "));
        throw new IllegalArgumentException("must be one of " + choices + ", was '" + value + "'");
    }
}
