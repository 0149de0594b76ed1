package org.openprofiles.domain.access;

import java.util.Locale;

/**
 * One LDAP attribute value a profile requires (or an account has). Attribute names are
 * case-insensitive in LDAP, so the key is kept in lower case, as the vendor document spells them
 * ({@code accountexpires}). An empty value means "no value".
 */
public record AttributeValue(String key, String value) {

    public AttributeValue {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("attribute key must not be blank");
        }
        key = normalizeKey(key);
        value = value == null ? "" : value;
    }

    public static String normalizeKey(String key) {
        return key.strip().toLowerCase(Locale.ROOT);
    }
}
